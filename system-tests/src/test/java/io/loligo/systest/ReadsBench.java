package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Every GET operation of every API the gateway serves (Loligo's v3 and Calamari's v1 and v2, as their OpenAPI
 * documents list them), each under wrk at 16 connections, beside the Ceph Dashboard's equivalent where it has one,
 * on the same cluster in the same run. Path parameters are filled from the live cluster: from the list one level up
 * where there is one, otherwise from the choices the API names when asked for one it does not have. v3's reads are
 * also measured as a poller that already has the answer ({@code If-None-Match}, every answer a {@code 304}).
 * <p>
 * Prints one table and asserts nothing of the figures; fails when any operation answers anything but a 2xx. Run
 * with {@code ./dev/loligo bench reads}; {@code -Dseconds=5} per operation, after a warm-up pass of 1 s each.
 */
class ReadsBench {
    private static final int CONNECTIONS = 16;
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("seconds", 5));
    private static final Duration WARM_UP = Duration.ofSeconds(1);
    private static final String DASHBOARD = "http://127.0.0.1:40080";
    /** The documents, and the face whose paths each holds (the graphite paths appear in two). */
    private static final List<String> DOCUMENTS = List.of("/q/openapi", "/q/openapi-v2", "/q/openapi-v1");
    /** Not reads: the live stream never ends, and Calamari's logout by GET ends the session it is asked with. */
    private static final Set<String> NOT_READS = Set.of("/api/v3/stream", "/api/v1/auth/logout{slash}", "/api/v2/auth/logout{slash}");
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
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** How the API names the values it has: "there are [a, b]", "must be one of [a, b]", "known: a, b". */
    private static final Pattern CHOICES = Pattern.compile("(?:\\[|known: )([^\\],;]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

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
            String token = platform.api(session).contentType(ContentType.JSON).body("{\"name\":\"reads bench\"}")
                    .post("/api/v3/user/me/token").then().statusCode(201).extract().path("token");
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

            Samples samples = new Samples(gateway, token, fsid);
            List<Operation> operations = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (String template : getPaths(gateway)) {
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
                    safely(failures, operation.template(), () -> GatewayBench.run(operation.url(), loligo, CONNECTIONS, WARM_UP));
                }
                Map<String, GatewayBench.Figures> dashboardFigures = new HashMap<>();
                for (String path : new LinkedHashSet<>(DASHBOARD_EQUIVALENTS.values())) {
                    GatewayBench.run(DASHBOARD + path, dashboard, CONNECTIONS, WARM_UP);
                    dashboardFigures.put(path, GatewayBench.run(DASHBOARD + path, dashboard, CONNECTIONS, MEASURED));
                }
                List<Row> rows = new ArrayList<>();
                for (Operation operation : operations) {
                    GatewayBench.Figures figures = safely(failures, operation.template(),
                            () -> GatewayBench.run(operation.url(), loligo, CONNECTIONS, MEASURED));
                    if (figures == null) {
                        continue;
                    }
                    GatewayBench.Figures notModified = null;
                    if (operation.template().startsWith("/api/v3/")) {
                        String etag = samples.etag(operation.url());
                        List<String> conditional = List.of("-H", "Authorization: Bearer " + token, "-H", "If-None-Match: " + etag);
                        notModified = safely(failures, operation.template() + " (304)",
                                () -> GatewayBench.run(operation.url(), conditional, CONNECTIONS, MEASURED, true));
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

    /** The GET paths of every document, each once, in the documents' order. */
    private static List<String> getPaths(String gateway) throws IOException, InterruptedException {
        Set<String> paths = new LinkedHashSet<>();
        HttpClient http = HttpClient.newHttpClient();
        for (String document : DOCUMENTS) {
            String body = http.send(HttpRequest.newBuilder(URI.create(gateway + document + "?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JSON.readTree(body).path("paths").fields().forEachRemaining(path -> {
                if (path.getValue().has("get") && !NOT_READS.contains(path.getKey())) {
                    paths.add(path.getKey());
                }
            });
        }
        return List.copyOf(paths);
    }

    /** Values for path parameters, read from the live cluster through the API itself. */
    private static final class Samples {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String gateway;
        private final String token;
        private final String fsid;
        private final Map<String, String> listed = new HashMap<>();

        Samples(String gateway, String token, String fsid) {
            this.gateway = gateway;
            this.token = token;
            this.fsid = fsid;
        }

        /** The template with each parameter filled left to right, and any query the operation cannot do without. */
        String url(String template) throws IOException, InterruptedException {
            StringBuilder filled = new StringBuilder();
            Matcher parameter = PARAMETER.matcher(template);
            int from = 0;
            while (parameter.find()) {
                filled.append(template, from, parameter.start());
                filled.append(value(filled.toString(), parameter.group(1), template.substring(parameter.end())));
                from = parameter.end();
            }
            filled.append(template.substring(from));
            String path = filled.toString();
            if (path.equals("/graphite/render")) {
                return gateway + path + "?format=json&target=" + URLEncoder.encode(graphiteLeaf(), StandardCharsets.UTF_8);
            }
            HttpResponse<String> answer = get(path);
            if (answer.statusCode() == 400) {
                // a query parameter without which there is no answer: the API names its choices
                JsonNode error = JSON.readTree(answer.body()).path("errors").path(0);
                return gateway + path + "?" + error.path("field").asText() + "=" + firstChoice(error.path("message").asText(), path);
            }
            return gateway + path;
        }

        /** The caller's tag for an answer it already has. */
        String etag(String url) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(request(url), HttpResponse.BodyHandlers.ofString());
            return answer.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException(url + " answered no ETag"));
        }

        private String value(String prefix, String name, String rest) throws IOException, InterruptedException {
            if (name.equals("fsid")) {
                return fsid;
            }
            if (name.startsWith("slash")) {
                return "";
            }
            String key = prefix + "\n" + name;
            if (!listed.containsKey(key)) {
                listed.put(key, listedOrNamed(prefix, name, rest));
            }
            return listed.get(key);
        }

        /** The first of the list one level up; where there is none, the first choice the API names for a value it lacks. */
        private String listedOrNamed(String prefix, String name, String rest) throws IOException, InterruptedException {
            HttpResponse<String> list = get(prefix.substring(0, prefix.length() - 1));
            if (list.statusCode() == 200) {
                JsonNode first = firstOf(JSON.readTree(list.body()));
                if (first != null && first.isValueNode()) {
                    return first.asText();
                }
                if (first != null) {
                    for (String field : List.of(name, "id", "name", "fqdn", "key")) {
                        if (first.hasNonNull(field)) {
                            return first.get(field).asText();
                        }
                    }
                }
            }
            String probe = prefix + "_" + PARAMETER.matcher(rest).replaceAll("_");
            HttpResponse<String> refused = get(probe);
            return firstChoice(JSON.readTree(refused.body()).path("detail").asText(), probe);
        }

        private static JsonNode firstOf(JsonNode answer) {
            if (answer.isArray()) {
                return answer.path(0).isMissingNode() ? null : answer.get(0);
            }
            for (String items : List.of("results", "osds")) {
                if (answer.path(items).isArray() && !answer.path(items).isEmpty()) {
                    return answer.path(items).get(0);
                }
            }
            return null;
        }

        private static String firstChoice(String message, String what) {
            Matcher choices = CHOICES.matcher(message);
            if (!choices.find()) {
                throw new IllegalStateException("no value to fill in " + what + ": '" + message + "'");
            }
            return choices.group(1).strip();
        }

        /** A metric Graphite has: down the tree from its root to the first leaf. */
        private String graphiteLeaf() throws IOException, InterruptedException {
            String query = "*";
            for (int depth = 0; depth < 12; depth++) {
                JsonNode nodes = JSON.readTree(get("/graphite/metrics/find?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
                if (nodes.isEmpty()) {
                    break;
                }
                JsonNode first = nodes.get(0);
                if (first.path("leaf").asInt() == 1) {
                    return first.path("id").asText();
                }
                query = first.path("id").asText() + ".*";
            }
            throw new IllegalStateException("Graphite's tree has no leaf");
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(gateway + path), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest request(String url) {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
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
                    row.notModified() == null ? "" : String.format(Locale.ROOT, "%.0f", row.notModified().requestsPerSecond()),
                    row.dashboard() == null ? "" : String.format(Locale.ROOT, "%.0f", row.dashboard().requestsPerSecond()),
                    row.dashboard() == null ? "" : String.format(Locale.ROOT, "%.1fx",
                            row.loligo().requestsPerSecond() / row.dashboard().requestsPerSecond()));
        }
    }
}
