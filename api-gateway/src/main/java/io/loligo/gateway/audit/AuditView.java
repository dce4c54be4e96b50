package io.loligo.gateway.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One mutation, as administrators read it. {@code outcome} is succeeded, refused (4xx) or failed (5xx); or started,
 * with status 0, when the change began and its outcome could not be written.
 */
public record AuditView(
        @JsonProperty("id") long id,
        @JsonProperty("at") Instant at,
        @JsonProperty("user") String user,
        @JsonProperty("source") String source,
        @JsonProperty("method") String method,
        @JsonProperty("path") String path,
        @JsonProperty("body") String body,
        @JsonProperty("status") int status,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("request_id") String requestId) {

    static AuditView of(AuditEntryEntity entry) {
        return new AuditView(entry.id, entry.at, entry.username, entry.source, entry.method, entry.path, entry.body,
                entry.status, entry.outcome, entry.reason, entry.requestId);
    }

    static final String STARTED = "started";

    static String outcomeOf(int status) {
        return status >= 500 ? "failed" : status >= 400 ? "refused" : "succeeded";
    }
}
