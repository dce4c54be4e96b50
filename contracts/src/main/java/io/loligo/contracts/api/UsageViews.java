package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Space and I/O figures, read from the cluster when asked for. */
public final class UsageViews {
    private UsageViews() {
    }

    /** Calamari v2's cluster {@code stats}. */
    public record ClusterStats(
            @JsonProperty("kb") long kb,
            @JsonProperty("kb_used") long kbUsed,
            @JsonProperty("kb_avail") long kbAvail,
            @JsonProperty("num_objects") long numObjects) {
    }

    /** Calamari v1's cluster {@code space}. */
    public record Space(
            @JsonProperty("used_bytes") long usedBytes,
            @JsonProperty("capacity_bytes") long capacityBytes,
            @JsonProperty("free_bytes") long freeBytes) {
    }

    /**
     * One pool's figures: Calamari's {@code stat_sum} names for what its PGs count ({@code pg dump pools}), and what
     * {@code df} adds (raw use, room left, quotas).
     */
    public record PoolStats(
            @JsonProperty("pool") int pool,
            @JsonProperty("name") String name,
            @JsonProperty("num_bytes") long numBytes,
            @JsonProperty("num_objects") long numObjects,
            @JsonProperty("num_rd") long numRd,
            @JsonProperty("num_rd_kb") long numRdKb,
            @JsonProperty("num_wr") long numWr,
            @JsonProperty("num_wr_kb") long numWrKb,
            @JsonProperty("bytes_used") long bytesUsed,
            @JsonProperty("max_avail") long maxAvail,
            @JsonProperty("percent_used") double percentUsed,
            @JsonProperty("quota_bytes") long quotaBytes,
            @JsonProperty("quota_objects") long quotaObjects,
            @JsonProperty("num_object_clones") long numObjectClones,
            @JsonProperty("num_object_copies") long numObjectCopies,
            @JsonProperty("num_objects_degraded") long numObjectsDegraded,
            @JsonProperty("num_objects_misplaced") long numObjectsMisplaced,
            @JsonProperty("num_objects_unfound") long numObjectsUnfound,
            @JsonProperty("num_objects_missing_on_primary") long numObjectsMissingOnPrimary) {
    }

    /**
     * The newest cluster log entries: {@code lines} as ceph.log writes them (Calamari's field), and each entry apart.
     */
    public record ClusterLog(@JsonProperty("lines") String lines, @JsonProperty("entries") List<LogEntry> entries) {
    }

    public record LogEntry(
            @JsonProperty("stamp") String stamp,
            @JsonProperty("name") String name,
            @JsonProperty("seq") long seq,
            @JsonProperty("channel") String channel,
            @JsonProperty("priority") String priority,
            @JsonProperty("message") String message) {
    }
}
