package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user's change to a cluster, tracked until the cluster's maps show it: Calamari's request shape, plus its cluster,
 * progress, who asked, and the log of the commands sent and what Ceph answered.
 *
 * @param state queued, submitted, complete, error, cancelled, or unknown when Loligo cannot tell what Ceph did (then
 *              {@code error_message} says how to check, and a late answer still makes it complete or error)
 * @param status the current phase, in words
 * @param log the log's latest lines in a list of requests, its every line otherwise
 * @param logLines how many lines the whole log has
 */
public record RequestView(
        @JsonProperty("id") String id,
        @JsonProperty("state") String state,
        @JsonProperty("error") boolean error,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("headline") String headline,
        @JsonProperty("status") String status,
        @JsonProperty("requested_at") OffsetDateTime requestedAt,
        @JsonProperty("completed_at") OffsetDateTime completedAt,
        @JsonProperty("fsid") String fsid,
        @JsonProperty("progress") int progress,
        @JsonProperty("requested_by") String requestedBy,
        @JsonProperty("log") List<LogLine> log,
        @JsonProperty("log_lines") int logLines) {

    public record LogLine(@JsonProperty("at") OffsetDateTime at, @JsonProperty("message") String message) {
    }

    /** The answer to a mutation that changes something: {@code 202} with the request to follow. */
    public record Accepted(@JsonProperty("request_id") String requestId) {
    }
}
