package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * Calamari's cluster health: the raw {@code health detail} report and when it was read.
 */
public record HealthView(
        @JsonProperty("report") JsonNode report,
        @JsonProperty("cluster_update_time") OffsetDateTime clusterUpdateTime,
        @JsonProperty("cluster_update_time_unix") long clusterUpdateTimeUnix) {
}
