package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.AlertViews;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications in the shapes Alertmanager's API takes and its webhooks send (version 4, as captured from 0.25). */
class PayloadsTest {
    private static final Instant SINCE = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-12-07T10:05:00Z");

    private static AlertViews.Alert alert(long id, String osd, String state) {
        Map<String, String> labels = Map.of("alertname", "CephOsdDown", "severity", "warning", "fsid", "f00", "cluster", "lab", "osd", osd);
        return new AlertViews.Alert(id, Condition.fingerprint(labels), "f00", "CephOsdDown", "warning", state, labels, osd + " is down",
                "start it", SINCE, SINCE, "resolved".equals(state) ? RESOLVED : null, null, null, List.of());
    }

    @Test
    void aWebhookGetsTheGroupAsAlertmanagerSendsIt() {
        AlertViews.Alert firing = alert(1, "osd.1", "firing");
        JsonNode payload = Payloads.webhook("hook", Payloads.groupLabels(firing),
                List.of(new Payloads.Told(firing, "firing"), new Payloads.Told(alert(2, "osd.2", "resolved"), "resolved")),
                Optional.of("https://loligo.example/"));

        assertThat(payload.path("receiver").asText()).isEqualTo("hook");
        assertThat(payload.path("status").asText()).as("firing while any member fires").isEqualTo("firing");
        assertThat(payload.path("version").asText()).isEqualTo("4");
        assertThat(payload.path("groupKey").asText()).isEqualTo("{}:{alertname=\"CephOsdDown\", fsid=\"f00\"}");
        assertThat(payload.path("groupLabels").size()).isEqualTo(2);
        assertThat(payload.path("commonLabels").has("osd")).isFalse();
        assertThat(payload.path("commonLabels").path("alertname").asText()).isEqualTo("CephOsdDown");
        JsonNode first = payload.path("alerts").path(0);
        assertThat(first.path("status").asText()).isEqualTo("firing");
        assertThat(first.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(first.path("startsAt").asText()).isEqualTo(SINCE.toString());
        assertThat(first.path("fingerprint").asText()).isEqualTo(firing.fingerprint());
        assertThat(first.path("annotations").path("summary").asText()).isEqualTo("osd.1 is down");
        assertThat(first.path("generatorURL").asText()).isEqualTo("https://loligo.example/ui/alerts/1");
        assertThat(payload.path("alerts").path(1).path("endsAt").asText()).isEqualTo(RESOLVED.toString());
    }

    @Test
    void anAlertmanagerGetsAFiringAlertWithALeaseAndAResolvedOneWithItsEnd() {
        Instant lease = Instant.parse("2026-12-07T10:10:00Z");
        JsonNode posted = Payloads.alertmanager(List.of(new Payloads.Told(alert(1, "osd.1", "firing"), "firing"),
                new Payloads.Told(alert(2, "osd.2", "resolved"), "resolved")), lease, Optional.empty());

        assertThat(posted.path(0).path("labels").path("osd").asText()).isEqualTo("osd.1");
        assertThat(posted.path(0).path("endsAt").asText()).isEqualTo(lease.toString());
        assertThat(posted.path(1).path("endsAt").asText()).isEqualTo(RESOLVED.toString());
        assertThat(posted.path(0).has("status")).as("not a field of postable alerts").isFalse();
    }
}
