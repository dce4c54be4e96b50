package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts, silences and receivers as the API shows them. */
public final class AlertViews {
    private AlertViews() {
    }

    /**
     * One occurrence of a rule's condition.
     *
     * @param fingerprint the digest of its labels, as Alertmanager shows it: the same for every occurrence
     * @param state {@code pending}, {@code firing} or {@code resolved}
     * @param labels {@code alertname}, {@code severity}, {@code fsid}, {@code cluster} and what it concerns
     *               ({@code host}, {@code osd}, {@code check})
     * @param description what to do
     * @param silencedBy the silences that keep it from the receivers now
     */
    public record Alert(
            @JsonProperty("id") long id,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("fsid") String fsid,
            @JsonProperty("name") String name,
            @JsonProperty("severity") String severity,
            @JsonProperty("state") String state,
            @JsonProperty("labels") Map<String, String> labels,
            @JsonProperty("summary") String summary,
            @JsonProperty("description") String description,
            @JsonProperty("active_since") Instant activeSince,
            @JsonProperty("fired_at") Instant firedAt,
            @JsonProperty("resolved_at") Instant resolvedAt,
            @JsonProperty("acknowledged_by") String acknowledgedBy,
            @JsonProperty("acknowledged_at") Instant acknowledgedAt,
            @JsonProperty("silenced_by") List<String> silencedBy) {
    }

    /**
     * A label test, as Alertmanager's silences have them.
     *
     * @param isRegex whether {@code value} is a regular expression the whole label value must match
     * @param isEqual false to match the alerts the test does not (default true)
     */
    public record Matcher(
            @JsonProperty("name") String name,
            @JsonProperty("value") String value,
            @JsonProperty("is_regex") boolean isRegex,
            @JsonProperty("is_equal") Boolean isEqual) {
        public boolean equal() {
            return isEqual == null || isEqual;
        }
    }

    /** @param state {@code pending} (not begun), {@code active} or {@code expired} */
    public record Silence(
            @JsonProperty("id") String id,
            @JsonProperty("matchers") List<Matcher> matchers,
            @JsonProperty("starts_at") Instant startsAt,
            @JsonProperty("ends_at") Instant endsAt,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("comment") String comment,
            @JsonProperty("state") String state) {
    }

    /**
     * @param kind {@code alertmanager} (its v2 API at {@code url}), {@code webhook} (Alertmanager's webhook JSON) or
     *             {@code email} (to the {@code mailto:} URL)
     */
    public record Receiver(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("kind") String kind,
            @JsonProperty("url") String url,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("created_at") Instant createdAt) {
    }

    /**
     * What a receiver's test sent and how it answered.
     *
     * @param delivered whether the receiver took it
     * @param detail its answer's status, or why it could not be reached
     */
    public record ReceiverTest(
            @JsonProperty("delivered") boolean delivered,
            @JsonProperty("detail") String detail) {
    }

    /**
     * An operator's threshold rule, as {@link AlertForms.MetricRule} made it, with its durations in seconds.
     *
     * @param kind {@code metric}: a user's rule on a metric series
     */
    public record MetricRule(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("measurement") String measurement,
            @JsonProperty("field") String field,
            @JsonProperty("tags") Map<String, String> tags,
            @JsonProperty("aggregate") String aggregate,
            @JsonProperty("window_seconds") long windowSeconds,
            @JsonProperty("comparison") String comparison,
            @JsonProperty("threshold") double threshold,
            @JsonProperty("for_seconds") long forSeconds,
            @JsonProperty("severity") String severity,
            @JsonProperty("description") String description,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("created_at") Instant createdAt) {
    }
}
