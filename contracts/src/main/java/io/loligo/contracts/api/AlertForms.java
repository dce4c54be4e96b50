package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** What an operator sends to silence alerts and to say where they go. */
public final class AlertForms {
    private AlertForms() {
    }

    /**
     * @param matchers at least one; an alert is silenced when every one matches its labels
     * @param startsAt ISO-8601; now when null
     * @param endsAt ISO-8601, after {@code startsAt}: required
     * @param comment why: required
     */
    public record Silence(
            @JsonProperty("matchers") List<AlertViews.Matcher> matchers,
            @JsonProperty("starts_at") String startsAt,
            @JsonProperty("ends_at") String endsAt,
            @JsonProperty("comment") String comment) {
    }

    /**
     * @param name letters, digits, {@code -} and {@code _}; unique
     * @param kind {@code alertmanager}, {@code webhook} or {@code email}
     * @param url http(s): Alertmanager's base URL, or the webhook's; {@code mailto:} and one address for {@code email}
     */
    public record Receiver(
            @JsonProperty("name") String name,
            @JsonProperty("kind") String kind,
            @JsonProperty("url") String url) {
    }

    /**
     * A threshold on a metric series, held for a while: an alert per series (per OSD, pool, host ...) that crosses it.
     *
     * @param name the alert's name: letters and digits, starting with a letter, unique and none of the built-in ones
     * @param measurement one of the metrics catalog's ({@code GET /metrics/catalog}), such as {@code osd}
     * @param field one of the measurement's fields, such as {@code apply_latency_ms}; a counter's is taken as its rate
     * @param tags only the series with these tag values, such as {@code {"fsid": "..."}}; every series when empty
     * @param aggregate how the points over {@code window} combine: {@code mean} (the default), {@code max} or {@code min}
     * @param window how far back the points are taken, such as {@code 5m} (the default); 30s to 1d
     * @param comparison {@code >}, {@code >=}, {@code <} or {@code <=}
     * @param holdFor how long the threshold must be crossed before the alert fires, such as {@code 2m}; {@code 0s} fires at once
     * @param severity {@code warning} (the default) or {@code critical}
     * @param description what an operator should do when it fires
     */
    public record MetricRule(
            @JsonProperty("name") String name,
            @JsonProperty("measurement") String measurement,
            @JsonProperty("field") String field,
            @JsonProperty("tags") Map<String, String> tags,
            @JsonProperty("aggregate") String aggregate,
            @JsonProperty("window") String window,
            @JsonProperty("comparison") String comparison,
            @JsonProperty("threshold") Double threshold,
            @JsonProperty("for") String holdFor,
            @JsonProperty("severity") String severity,
            @JsonProperty("description") String description) {
    }
}
