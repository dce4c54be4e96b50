package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Calamari v1's {@code health_counters}: ok / warn / critical buckets for OSDs, PGs and mons, the MDS counts, and
 * the number of pools. The UI's status line is drawn from it.
 */
public record HealthCountersView(
        @JsonProperty("osd") Buckets osd,
        @JsonProperty("pg") Buckets pg,
        @JsonProperty("mon") Buckets mon,
        @JsonProperty("mds") Mds mds,
        @JsonProperty("pool") Pools pool,
        @JsonProperty("cluster_update_time") OffsetDateTime clusterUpdateTime,
        @JsonProperty("cluster_update_time_unix") long clusterUpdateTimeUnix) {

    public record Buckets(@JsonProperty("ok") Bucket ok, @JsonProperty("warn") Bucket warn,
                          @JsonProperty("critical") Bucket critical) {
    }

    /** How many items are in the bucket, and how many of them are in each state that put them there. */
    public record Bucket(@JsonProperty("count") long count, @JsonProperty("states") Map<String, Long> states) {
    }

    public record Mds(@JsonProperty("total") long total, @JsonProperty("up_in") long upIn,
                      @JsonProperty("up_not_in") long upNotIn, @JsonProperty("not_up_not_in") long notUpNotIn) {
    }

    public record Pools(@JsonProperty("total") long total) {
    }
}
