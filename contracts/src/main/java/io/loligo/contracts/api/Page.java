package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One page of a list, in the shape Calamari's paginated lists use. {@code next} and {@code previous} are
 * references relative to the list's own URL (a query string), or null at either end.
 */
public record Page<T>(
        @JsonProperty("count") long count,
        @JsonProperty("next") String next,
        @JsonProperty("previous") String previous,
        @JsonProperty("results") List<T> results) {
}
