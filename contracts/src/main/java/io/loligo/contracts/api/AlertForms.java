package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

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
}
