package io.loligo.systest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Loligo's gateway beside the Ceph Dashboard on the same local cluster, in one run, under the same wrk load:
 * the OSD list and the health summary, each with a bearer token. Prints requests/s and p99 for both; asserts
 * nothing. Run with {@code ./dev/loligo bench gateway}; the target is 10 times the Dashboard's throughput with a
 * p99 of at most 10 ms. Each side is warmed up until its throughput is steady.
 */
class GatewayBench {
    private static final String DASHBOARD = "http://127.0.0.1:40080";
    private static final String DASHBOARD_USER = "loligo-bench";
    /** Under load, then one request at a time: the latency a user sees when the host is not busy. */
    private static final List<Integer> CONNECTIONS = Arrays.stream(System.getProperty("connections", "8,1").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
    /** Warm-up runs go on until two in a row agree within this much, or {@link #MAX_WARM_UP_RUNS} have run. */
    private static final double STEADY = 0.10;
    private static final int MAX_WARM_UP_RUNS = 16;
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("seconds", 15));
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

        record Figures(double requestsPerSecond, double p50Millis, double p99Millis) {
    }

    @Test
    void loligoBesideTheDashboard() throws Exception {
        try (LocalPlatform platform = new LocalPlatform("GatewayBench")) {
            platform.start();
            String fsid = platform.ceph("fsid");
            LocalPlatform.Session session = platform.login();
            String loligoToken = platform.apiToken(session, "gateway bench");
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(platform.gateway.url()).auth().oauth2(loligoToken)
                    .get("/api/v3/cluster/{fsid}/osd", fsid).statusCode() == 200);
            String dashboardToken = enableDashboard(platform);
            try {
                List<String> loligo = List.of("-H", "Authorization: Bearer " + loligoToken);
                List<String> dashboard = List.of("-H", "Authorization: Bearer " + dashboardToken,
                        "-H", "Accept: application/vnd.ceph.api.v1.0+json");
                String gateway = platform.gateway.url();
                for (int connections : CONNECTIONS) {
                    boolean first = connections == CONNECTIONS.get(0);
                    print("OSD list", connections, wrk(gateway + "/api/v3/cluster/" + fsid + "/osd", loligo, connections, first),
                            wrk(DASHBOARD + "/api/osd", dashboard, connections, first));
                    print("health", connections, wrk(gateway + "/api/v3/cluster/" + fsid + "/health", loligo, connections, first),
                            wrk(DASHBOARD + "/api/health/minimal", dashboard, connections, first));
                }
            } finally {
                platform.ceph("mgr", "module", "disable", "dashboard");
            }
        }
    }

    /** Turns the Dashboard on as ceph.md §5 shows, with a user of its own, and logs in. */
    static String enableDashboard(LocalPlatform platform) throws Exception {
        platform.ceph("config", "set", "mgr", "mgr/dashboard/ssl", "false");
        platform.ceph("config", "set", "mgr", "mgr/dashboard/server_addr", "127.0.0.1");
        platform.ceph("config", "set", "mgr", "mgr/dashboard/server_port", "40080");
        platform.ceph("mgr", "module", "enable", "dashboard");
        String password = "Bench-" + Long.toHexString(System.nanoTime()) + "!x";
        Path file = Files.createTempFile("dashboard", ".pw");
        try {
            Files.writeString(file, password);
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (true) {
                try {
                    platform.ceph("dashboard", "ac-user-delete", DASHBOARD_USER);
                } catch (IOException gone) {
                    // not there yet: nothing to delete
                }
                try {
                    platform.ceph("dashboard", "ac-user-create", "--force-password", DASHBOARD_USER, "-i", file.toString(), "administrator");
                    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(DASHBOARD + "/api/auth"))
                            .header("Accept", "application/vnd.ceph.api.v1.0+json").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + DASHBOARD_USER + "\",\"password\":\"" + password + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (login.statusCode() / 100 == 2) {
                        return new ObjectMapper().readTree(login.body()).path("token").asText();
                    }
                } catch (IOException notYet) {
                    // the mgr re-executes itself when a module is enabled; its port answers seconds later
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the Ceph Dashboard did not let us log in within 90 s");
                }
                Thread.sleep(1000);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The measured run, after warming up when asked: on two cores a JVM's compilers take minutes under load before
     * its throughput settles, and a Python server none.
     */
    static Figures wrk(String url, List<String> headers, int connections, boolean warmUp) throws Exception {
        if (warmUp) {
            double previous = run(url, headers, connections, MEASURED).requestsPerSecond();
            for (int runs = 1; runs < MAX_WARM_UP_RUNS; runs++) {
                double current = run(url, headers, connections, MEASURED).requestsPerSecond();
                if (Math.abs(current - previous) <= STEADY * previous) {
                    break;
                }
                previous = current;
            }
        }
        return run(url, headers, connections, MEASURED);
    }

    /**
     * Fails on any answer of 400 and up (wrk's "non-2xx or 3xx"; a 304 is not one of them).
     *
     * @param options wrk's own: headers ({@code -H}), a script ({@code -s})
     */
    static Figures run(String url, List<String> options, int connections, Duration duration) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency"));
        command.addAll(options);
        command.add(url);
        String output = LocalPlatform.run(command);
        Matcher failed = NON_2XX.matcher(output);
        if (failed.find()) {
            throw new IllegalStateException(url + " answered " + failed.group(1) + " requests with an error:\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher p50 = P50.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!rate.find() || !p50.find() || !p99.find()) {
            throw new IllegalStateException("wrk printed no figures for " + url + ":\n" + output);
        }
        return new Figures(Double.parseDouble(rate.group(1)), millis(p50), millis(p99));
    }

    private static double millis(Matcher latency) {
        double value = Double.parseDouble(latency.group(1));
        return switch (latency.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void print(String what, int connections, Figures loligo, Figures dashboard) {
        System.out.printf(Locale.ROOT, "== gateway: %s, wrk 1 thread, %d connections, %d s%n", what, connections, MEASURED.toSeconds());
        System.out.printf(Locale.ROOT, "  Loligo          %10.0f req/s   p99 %7.2f ms%n", loligo.requestsPerSecond(), loligo.p99Millis());
        System.out.printf(Locale.ROOT, "  Ceph Dashboard  %10.0f req/s   p99 %7.2f ms%n", dashboard.requestsPerSecond(), dashboard.p99Millis());
        System.out.printf(Locale.ROOT, "  throughput ratio: %.1fx (target 10x); Loligo's p99 %s 10 ms%n",
                loligo.requestsPerSecond() / dashboard.requestsPerSecond(), loligo.p99Millis() <= 10 ? "within" : "ABOVE");
    }
}
