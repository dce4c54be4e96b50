package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;

/**
 * A cluster in Calamari's v2 shape: {@code {update_time, id, name}}, where id is the fsid.
 */
public record ClusterView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("update_time") OffsetDateTime updateTime) {
}
