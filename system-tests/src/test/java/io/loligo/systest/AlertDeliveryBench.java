package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.awaitility.Awaitility.await;

/**
 * How long an alert takes to reach its receivers once Loligo has it fire or resolve: a health change
 * ({@code ceph osd set noout}, then unset) made and cleared again and again, timed from the alert's {@code fired_at}
 * and {@code resolved_at} (cluster-service's clock, this host's) to the moment a webhook of the bench's own takes the
 * notification, and to the moment the tests' Alertmanager shows the alert, or shows it no more (read every 50 ms).
 * Prints the distributions; asserts nothing. Run with {@code ./dev/loligo bench alert-delivery}; the target is p95
 * within 2 s.
 */
class AlertDeliveryBench {
    private static final int TRIALS = Integer.getInteger("trials", 20);
    private static final long[] HISTOGRAM = {100, 250, 500, 750, 1000, 1500, 2000, 5000};
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalPlatform platform;
    private LocalPlatform.Session session;

    @Test
    void delivery() throws Exception {
        try (LocalPlatform started = new LocalPlatform("AlertDeliveryBench"); AlertSinks sinks = new AlertSinks(0, started.maildir())) {
            platform = started;
            platform.start();
            session = platform.login();
            List<String> receivers = new ArrayList<>();
            for (Map<String, String> receiver : List.of(Map.of("name", "bench-hook", "kind", "webhook", "url", sinks.hookUrl()),
                    Map.of("name", "bench-alertmanager", "kind", "alertmanager", "url", LocalPlatform.ALERTMANAGER_URL))) {
                receivers.add(api().contentType(ContentType.JSON).body(receiver).post("/api/v3/alert/receiver").then().statusCode(201)
                        .extract().path("id").toString());
            }
            List<Long> hookFiring = new ArrayList<>();
            List<Long> managerFiring = new ArrayList<>();
            List<Long> hookResolved = new ArrayList<>();
            List<Long> managerResolved = new ArrayList<>();
            for (int trial = 0; trial < TRIALS; trial++) {
                platform.ceph("osd", "set", "noout");
                JsonNode fired = await().atMost(Duration.ofSeconds(60)).pollInterval(POLL).until(this::flagsAlert, Optional::isPresent).get();
                String fingerprint = fired.path("fingerprint").asText();
                String since = Instant.parse(fired.path("active_since").asText()).toString();
                Instant firedAt = Instant.parse(fired.path("fired_at").asText());
                managerFiring.add(until(() -> AlertSinks.alertmanagerHolds(fingerprint), firedAt));
                hookFiring.add(Duration.between(firedAt, await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                        .until(() -> sinks.firstTold(fingerprint, since, "firing"), Optional::isPresent).get()).toMillis());

                platform.ceph("osd", "unset", "noout");
                JsonNode resolved = await().atMost(Duration.ofSeconds(60)).pollInterval(POLL).until(() -> alert(fired.path("id").asLong()),
                        alert -> alert.path("state").asText().equals("resolved"));
                Instant resolvedAt = Instant.parse(resolved.path("resolved_at").asText());
                managerResolved.add(until(() -> !AlertSinks.alertmanagerHolds(fingerprint), resolvedAt));
                hookResolved.add(Duration.between(resolvedAt, await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                        .until(() -> sinks.firstTold(fingerprint, since, "resolved"), Optional::isPresent).get()).toMillis());
            }
            for (String receiver : receivers) {
                api().delete("/api/v3/alert/receiver/{id}", receiver).then().statusCode(204);
            }
            new Distribution(hookFiring).print("alert delivery: fired, until the webhook has it", HISTOGRAM);
            new Distribution(managerFiring).print("alert delivery: fired, until Alertmanager shows it", HISTOGRAM);
            new Distribution(hookResolved).print("alert delivery: resolved, until the webhook has it", HISTOGRAM);
            new Distribution(managerResolved).print("alert delivery: resolved, until Alertmanager shows it no more", HISTOGRAM);
        } finally {
            if (platform != null) {
                platform.ceph("osd", "unset", "noout");
            }
        }
    }

    /** Milliseconds from {@code from} until the condition holds, read every 50 ms. */
    private static long until(Callable<Boolean> condition, Instant from) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(condition);
        return Duration.between(from, Instant.now()).toMillis();
    }

    private Optional<JsonNode> flagsAlert() throws Exception {
        return AlertSinks.named(api().get("/api/v3/alert?state=firing&page_size=1000").asString(), "CephHealthWarning", "check", "OSDMAP_FLAGS");
    }

    private JsonNode alert(long id) throws Exception {
        return MAPPER.readTree(api().get("/api/v3/alert/{id}", id).asString());
    }

    private RequestSpecification api() {
        return platform.api(session);
    }
}
