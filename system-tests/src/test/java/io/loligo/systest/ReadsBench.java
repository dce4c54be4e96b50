package io.loligo.systest;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Every GET operation of every API the gateway serves (Loligo's v3 and Calamari's v1 and v2, as their OpenAPI
 * documents list them), each under wrk at 16 connections, beside the Ceph Dashboard's equivalent where it has one,
 * on the same cluster in the same run. Path parameters are filled from the live cluster: from the list one level up
 * where there is one, otherwise from the choices the API names when asked for one it does not have. v3's reads are
 * also measured as a poller that already has the answer ({@code If-None-Match}): a {@code 304} while nothing changed,
 * and "moves" where the answer changed during each of a few runs (a metrics window takes each new point).
 * <p>
 * Prints one table and asserts nothing of the figures; fails when any operation answers anything but a 2xx. Run
 * with {@code ./dev/loligo bench reads}; {@code -Dseconds=5} per operation, after a warm-up pass that runs each until
 * its rate settles (for the compilers, which work on each read's own code at its first calls: a running Loligo has
 * long since compiled it) and 1 s more right before it is measured (for what is kept: 16 pollers, once they poll).
 */
class ReadsBench {
    private static final int CONNECTIONS = 16;
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("seconds", 5));
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    /** The longest warm-up of one operation: a read that has not settled by then is measured as it is. */
    private static final int MOST_WARM_UPS = 15;
    /** How many 304 runs an answer that moves during them is given. */
    private static final int NOT_MODIFIED_ATTEMPTS = 3;
    private static final String DASHBOARD = "http://127.0.0.1:40080";
    /** The Ceph Dashboard's read of the same thing, by the path below the API's version. */
    private static final Map<String, String> DASHBOARD_EQUIVALENTS = Map.of(
            "/cluster/{fsid}/osd", "/api/osd",
            "/cluster/{fsid}/pool", "/api/pool",
            "/cluster/{fsid}/health", "/api/health/minimal",
            "/cluster/{fsid}/mon", "/api/monitor",
            "/server", "/api/host",
            "/cluster/{fsid}/server", "/api/host",
            "/cluster/{fsid}/crush_rule", "/api/crush_rule",
            "/cluster/{fsid}/config", "/api/cluster_conf",
            "/cluster/{fsid}/log", "/api/logs/all");

    /** Runs the read for a second at a time until two runs in a row agree within 10 %, or {@link #MOST_WARM_UPS} ran. */
    private static GatewayBench.Figures untilSettled(String url, List<String> headers) throws Exception {
        GatewayBench.Figures previous = GatewayBench.run(url, headers, CONNECTIONS, WARM_UP);
        for (int run = 1; run < MOST_WARM_UPS; run++) {
            GatewayBench.Figures figures = GatewayBench.run(url, headers, CONNECTIONS, WARM_UP);
            if (Math.abs(figures.requestsPerSecond() - previous.requestsPerSecond()) <= 0.1 * figures.requestsPerSecond()) {
                return figures;
            }
            previous = figures;
        }
        return previous;
    }

    private record Operation(String template, String url) {
    }

    private record Row(String template, GatewayBench.Figures loligo, GatewayBench.Figures notModified, GatewayBench.Figures dashboard) {
    }

    @Test
    void everyReadBesideTheDashboard() throws Exception {
        try (LocalPlatform platform = new LocalPlatform("ReadsBench")) {
            platform.start();
            String fsid = platform.ceph("fsid");
            LocalPlatform.Session session = platform.login();
            String token = platform.apiToken(session, "reads bench");
            String gateway = platform.gateway.url();
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(gateway).auth().oauth2(token)
                    .get("/api/v3/cluster/{fsid}/osd", fsid).statusCode() == 200);
            // requests in the list, to read one by its id: noout set and cleared again
            for (boolean noout : new boolean[]{true, false}) {
                String requestId = platform.api(session).contentType(ContentType.JSON).body(Map.of("noout", noout))
                        .patch("/api/v3/cluster/{fsid}/osd_config", fsid).then().statusCode(202).extract().path("request_id");
                await().atMost(Duration.ofSeconds(60)).until(() -> "complete".equals(given().baseUri(gateway).auth().oauth2(token)
                        .get("/api/v3/request/{id}", requestId).path("state")));
            }

            ApiSamples samples = new ApiSamples(gateway, token, fsid);
            List<Operation> operations = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (String template : ApiSamples.getPaths(gateway)) {
                try {
                    operations.add(new Operation(template, samples.url(template)));
                } catch (IOException | IllegalStateException e) {
                    failures.add(template + ": " + e.getMessage());
                }
            }
            String dashboardToken = GatewayBench.enableDashboard(platform);
            try {
                List<String> loligo = List.of("-H", "Authorization: Bearer " + token);
                List<String> dashboard = List.of("-H", "Authorization: Bearer " + dashboardToken, "-H", "Accept: application/vnd.ceph.api.v1.0+json");
                for (Operation operation : operations) {
                    safely(failures, operation.template(), () -> untilSettled(operation.url(), loligo));
                }
                Map<String, GatewayBench.Figures> dashboardFigures = new HashMap<>();
                for (String path : new LinkedHashSet<>(DASHBOARD_EQUIVALENTS.values())) {
                    GatewayBench.run(DASHBOARD + path, dashboard, CONNECTIONS, WARM_UP);
                    dashboardFigures.put(path, GatewayBench.run(DASHBOARD + path, dashboard, CONNECTIONS, MEASURED));
                }
                List<Row> rows = new ArrayList<>();
                for (Operation operation : operations) {
                    // what pollers see once they poll: the answer a read kept over ten seconds ago is gone by now
                    safely(failures, operation.template(), () -> GatewayBench.run(operation.url(), loligo, CONNECTIONS, WARM_UP));
                    GatewayBench.Figures figures = safely(failures, operation.template(),
                            () -> GatewayBench.run(operation.url(), loligo, CONNECTIONS, MEASURED));
                    if (figures == null) {
                        continue;
                    }
                    GatewayBench.Figures notModified = null;
                    String etag = samples.etag(operation.url()).orElse(null);
                    if (etag == null) {
                        failures.add(operation.template() + ": answered no ETag");
                    }
                    if (etag != null && operation.template().startsWith("/api/v3/")) {
                        notModified = safely(failures, operation.template() + " (304)", () -> notModified(samples, operation.url(), token));
                    }
                    String equivalent = DASHBOARD_EQUIVALENTS.get(operation.template().replaceFirst("^/api/v[123]", ""));
                    rows.add(new Row(operation.template(), figures, notModified, equivalent == null ? null : dashboardFigures.get(equivalent)));
                }
                print(rows);
            } finally {
                platform.ceph("mgr", "module", "disable", "dashboard");
            }
            if (!failures.isEmpty()) {
                throw new AssertionError("operations that did not answer 2xx:\n  " + String.join("\n  ", failures));
            }
        }
    }

    /**
     * A poller's rate with the tag of the answer it has. wrk counts only 4xx and 5xx as failures, so the tag must earn a
     * 304 before the run and still after it: a run the answer outlived measured 200s. Such a run is measured again
     * with the new answer's tag, a few times; null when the answer moved every time.
     */
    private static GatewayBench.Figures notModified(ApiSamples samples, String url, String token) throws Exception {
        for (int attempt = 0; attempt < NOT_MODIFIED_ATTEMPTS; attempt++) {
            String etag = samples.etag(url).orElse(null);
            if (etag == null || !samples.notModified(url, etag)) {
                return null;
            }
            GatewayBench.Figures figures = GatewayBench.run(url, List.of("-H", "Authorization: Bearer " + token, "-H", "If-None-Match: " + etag),
                    CONNECTIONS, MEASURED);
            if (samples.notModified(url, etag)) {
                return figures;
            }
        }
        return null;
    }

    private interface Measurement {
        GatewayBench.Figures run() throws Exception;
    }

    private static GatewayBench.Figures safely(List<String> failures, String what, Measurement measurement) throws InterruptedException {
        try {
            return measurement.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failures.add(what + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, "== reads: every GET operation, wrk 1 thread, %d connections, %d s each; 304: with If-None-Match%n",
                CONNECTIONS, MEASURED.toSeconds());
        System.out.printf(Locale.ROOT, "  %-58s %9s %8s %8s %9s %11s %7s%n", "operation", "req/s", "p50 ms", "p99 ms", "304 req/s",
                "Dashboard", "ratio");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "  %-58s %9.0f %8.2f %8.2f %9s %11s %7s%n", row.template(), row.loligo().requestsPerSecond(),
                    row.loligo().p50Millis(), row.loligo().p99Millis(),
                    row.notModified() == null ? (row.template().startsWith("/api/v3/") ? "moves" : "")
                            : String.format(Locale.ROOT, "%.0f", row.notModified().requestsPerSecond()),
                    row.dashboard() == null ? "" : String.format(Locale.ROOT, "%.0f", row.dashboard().requestsPerSecond()),
                    row.dashboard() == null ? "" : String.format(Locale.ROOT, "%.1fx",
                            row.loligo().requestsPerSecond() / row.dashboard().requestsPerSecond()));
        }
    }
}
