package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One Ceph configuration option as the quorum leader runs with it, in Calamari's shape. */
public record ConfigView(@JsonProperty("key") String key, @JsonProperty("value") String value) {
}
