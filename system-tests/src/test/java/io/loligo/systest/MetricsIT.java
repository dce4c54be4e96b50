package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.metrics.Measurement;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The metric pipeline end to end: node-agent collecting from the real host and cluster, batches over the real
 * broker, metrics-service writing to the real InfluxDB, the query API through the gateway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern POINTS_TAKEN = Pattern.compile("metric points taken by the broker: (\\d+); given up: (\\d+)");
    private static LocalPlatform platform;
    private static LocalPlatform.Session session;
    private static String fqdn;
    private static String fsid;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform("MetricsIT");
        platform.start();
        fqdn = LocalPlatform.run(List.of("hostname", "-f"));
        fsid = platform.ceph("fsid");
        session = platform.login();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.influxdb("start");
            platform.close();
        }
    }

    private static RequestSpecification api() {
        return platform.api(session);
    }

    @Test
    @Order(1)
    void the_host_series_match_proc() throws Exception {
        JsonNode memory = awaitSeries("/api/v3/server/{fqdn}/metrics/memory?from=-2m", fqdn);
        long memTotal = Long.parseLong(Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "")) * 1024;
        assertThat(lastValue(memory, "total")).isEqualTo(memTotal);

        JsonNode load = awaitSeries("/api/v3/server/{fqdn}/metrics/load?from=-2m", fqdn);
        double loadNow = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[2]);
        assertThat(lastValue(load, "load15")).isCloseTo(loadNow, within(0.5));

        JsonNode cpu = awaitSeries("/api/v3/server/{fqdn}/metrics/cpu?from=-2m", fqdn);
        double shares = 0;
        for (String field : List.of("user", "system", "iowait", "steal", "idle")) {
            shares += lastValue(cpu, field);
        }
        assertThat(shares).as("user, system, iowait, steal and idle of all CPUs").isBetween(90.0, 100.01);

        JsonNode loopback = values("measurement=network&field=rx_bytes&tag=interface:lo&tag=host:" + fqdn + "&from=-2m&aggregate=max");
        long loRxNow = loopbackReceived();
        double stored = lastValue(loopback, "rx_bytes");
        assertThat(stored).as("a counter, read a few seconds before /proc").isLessThanOrEqualTo(loRxNow).isGreaterThan(loRxNow * 0.5);

        JsonNode found = MAPPER.readTree(api().get("/api/v3/metrics/series?measurement=network&tag=interface:l*&tag=host:" + fqdn)
                .then().statusCode(200).extract().asString());
        assertThat(found.findValuesAsText("interface")).contains("lo").allMatch(name -> name.startsWith("l"));
    }

    @Test
    @Order(2)
    void writing_objects_raises_the_write_iops_of_the_cluster_and_the_pool() throws Exception {
        int lab = labPool();
        try {
            LocalPlatform.run(List.of("rados", "--conf", platform.cephConf.toString(), "-p", "lab", "bench", "8", "write", "-t", "4",
                    "-b", "65536", "--no-cleanup"));
            int pool = lab;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(maxValue(get("/api/v3/cluster/{fsid}/metrics/iops?from=-1m", fsid), "write_ops")).isGreaterThan(1);
                assertThat(maxValue(get("/api/v3/cluster/{fsid}/pool/" + pool + "/metrics/iops?from=-1m", fsid), "write_ops")).isGreaterThan(1);
                assertThat(maxValue(get("/api/v3/cluster/{fsid}/metrics/throughput?from=-1m", fsid), "write_bytes")).isGreaterThan(65536);
                // the OSDs' own count of writes, from their admin sockets
                assertThat(maxValue(values("measurement=perf&field=value&tag=counter:osd.op_w&from=-1m&rate=true"), "value"))
                        .isGreaterThan(1);
            });
        } finally {
            LocalPlatform.run(List.of("rados", "--conf", platform.cephConf.toString(), "-p", "lab", "cleanup"));
        }
    }

    /** The RGW's and the MDS's own counters, from their admin sockets, as the agent finds them beside the OSDs'. */
    @Test
    @Order(2)
    void requests_to_the_rgw_raise_its_request_rate_and_the_mds_reports_its_counters() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI rgw = URI.create(platform.rgwUrl() + "/");
        for (int request = 0; request < 200; request++) {
            assertThat(http.send(HttpRequest.newBuilder(rgw).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(maxValue(values("measurement=perf&field=value&tag=counter:rgw.req&tag=daemon:rgw.a&from=-1m&rate=true"), "value"))
                        .isGreaterThan(1));
        JsonNode mds = MAPPER.readTree(api().get("/api/v3/metrics/series?measurement=perf&tag=daemon:mds.a").then().statusCode(200)
                .extract().asString());
        assertThat(mds.findValuesAsText("counter")).contains("mds.request", "mds.reply_latency", "mds_sessions.session_count");

        // the Object and File pages' graphs: each daemon of the cluster a series, as a rate
        String fsid = platform.ceph("fsid");
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode graph = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/metrics/rgw_requests?from=-1m", fsid).then().statusCode(200)
                    .extract().asString());
            assertThat(graph.path("series").findValuesAsText("daemon")).contains("rgw.a");
            assertThat(maxValue(graph, "value")).isGreaterThan(1);
        });
        JsonNode mdsGraph = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/metrics/mds_requests?from=-1m", fsid).then().statusCode(200)
                .extract().asString());
        assertThat(mdsGraph.path("series").findValuesAsText("daemon")).contains("mds.a");
    }

    @Test
    @Order(3)
    void bad_parameters_are_named() {
        api().get("/api/v3/metrics/values?measurement=cpu&field=usr&from=tomorrow&resolution=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("field", "from", "resolution"));
        api().get("/api/v3/metrics/values?measurement=cpu&from=-1h&until=-2h").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        api().get("/api/v3/metrics/values?measurement=disk&from=-30d&resolution=10s").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("resolution"));
        api().get("/api/v3/metrics/values?measurement=nothing").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("measurement"));
    }

    /** Graphite's render and find, for Calamari's paths, answer from the same series as the query API. */
    @Test
    @Order(4)
    void graphite_clients_read_calamaris_paths() throws Exception {
        String host = fqdn.replace('.', '_');
        // two steps at least: the newest is left out of the comparison below
        JsonNode load = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/v3/server/{fqdn}/metrics/load?from=-2m", fqdn), answer -> points(answer, "load15").size() >= 2);
        JsonNode rendered = MAPPER.readTree(api().get("/render?target=servers." + host + ".loadavg.15&from=-2min&format=json")
                .then().statusCode(200).extract().asString());
        assertThat(rendered.path(0).path("target").asText()).isEqualTo("servers." + host + ".loadavg.15");
        Map<Long, Double> fromApi = points(load, "load15");
        // the newest step may still be filling between the two reads, so that its mean moves: compare the others
        long newest = fromApi.keySet().stream().max(Long::compare).orElseThrow();
        int common = 0;
        // Graphite's order: value, then time
        for (JsonNode datapoint : rendered.path(0).path("datapoints")) {
            Double value = datapoint.path(1).asLong() < newest ? fromApi.get(datapoint.path(1).asLong()) : null;
            if (value != null) {
                assertThat(datapoint.path(0).asDouble()).isEqualTo(value);
                common++;
            }
        }
        assertThat(common).isPositive();
        JsonNode coarse = MAPPER.readTree(api().get("/render?target=servers." + host + ".loadavg.15&from=-2min&maxDataPoints=4")
                .then().statusCode(200).extract().asString());
        assertThat(coarse.path(0).path("datapoints").size()).as("about 4 steps of 30 s").isBetween(1, 5);

        JsonNode iops = MAPPER.readTree(api().get("/graphite/render/?target=sumSeries(ceph.cluster." + fsid + ".pool.all.num_read,ceph.cluster."
                + fsid + ".pool.all.num_write)&target=servers.*.cpu.total.idle&from=-2min&format=json-array").then().statusCode(200)
                .extract().asString());
        assertThat(iops.size()).isPositive();
        assertThat(iops.path(0).size()).as("time, iops, idle").isEqualTo(3);

        // the OSDs' write latency in each step, from their perf counters, after the rados bench of an earlier test
        JsonNode latency = MAPPER.readTree(api().get("/render?target=servers." + host
                + ".CephCollector.ceph.osd-*.osd.op_w_latency.last_interval_avg&from=-10min").then().statusCode(200).extract().asString());
        assertThat(latency.findValuesAsText("target")).allMatch(target -> target.matches(".*\\.osd-\\d+\\.osd\\..*")).isNotEmpty();
        assertThat(latency.findValues("datapoints").stream().flatMap(points -> java.util.stream.StreamSupport.stream(points.spliterator(), false))
                .mapToDouble(point -> point.path(0).asDouble()).max().orElse(0)).as("seconds per write").isPositive();

        JsonNode hosts = MAPPER.readTree(api().get("/metrics/find?query=servers.*").then().statusCode(200).extract().asString());
        assertThat(hosts.findValuesAsText("text")).contains(host);
        JsonNode pools = MAPPER.readTree(api().get("/metrics/find?query=ceph.cluster." + fsid + ".pool.*").then().statusCode(200)
                .extract().asString());
        assertThat(pools.findValuesAsText("text")).contains("all", String.valueOf(labPool()));

        // graphite-web's paths refuse as Calamari's API did (Django REST Framework's 403 without credentials)
        io.restassured.RestAssured.given().baseUri(platform.gateway.url()).get("/render?target=servers.*.loadavg.01").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.equalTo("Authentication credentials were not provided."));
        // a format not served is named with those that are, as Calamari's clients read field errors
        api().get("/render?target=sumSeries(a,&format=png").then().statusCode(400)
                .body("format[0]", org.hamcrest.Matchers.containsString("json-array"))
                .body("target", org.hamcrest.Matchers.notNullValue());
    }

    /**
     * One agent writes a cluster's own series: a second accepted agent with a lower node id takes them over, and when it stops
     * the first takes them back within three heartbeat periods, leaving no longer gap in the series.
     */
    @Test
    @Order(5)
    void another_agent_takes_the_clusters_series_over_and_gives_them_back_when_it_stops() throws Exception {
        String writes = "this agent now writes the series of cluster " + fsid;
        long before = Instant.now().getEpochSecond();
        // "0-" sorts before any host name
        ServiceProcess second = platform.anotherAgent("0-second-agent");
        second.start();
        try {
            second.awaitReady(Duration.ofSeconds(60));
            platform.acceptAgent(second, "0-second-agent");
            await().atMost(Duration.ofSeconds(30)).until(() -> second.logText().contains(writes));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    platform.agent.logText().contains("another agent now writes the series of cluster " + fsid));
        } finally {
            second.stop();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.agent.logText().split(Pattern.quote(writes), -1).length - 1 >= 2);
        long takenBack = Instant.now().getEpochSecond();

        // the gaps are looked at once the series go on past the hand-back, so that a series that stopped cannot pass
        AtomicReference<List<Long>> written = new AtomicReference<>(List.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode iops = get("/api/v3/cluster/{fsid}/metrics/iops?from=" + before + "&resolution=2s", fsid);
            List<Long> seen = new ArrayList<>(points(iops, "read_ops").keySet());
            Collections.sort(seen);
            written.set(seen);
            return !seen.isEmpty() && seen.get(seen.size() - 1) > takenBack + LocalPlatform.METRICS_INTERVAL.toSeconds();
        });
        List<Long> times = written.get();
        long longestGap = 0;
        for (int i = 1; i < times.size(); i++) {
            longestGap = Math.max(longestGap, times.get(i) - times.get(i - 1));
        }
        long threePeriods = LocalPlatform.HEARTBEAT_PERIOD.multipliedBy(3).toSeconds();
        assertThat(longestGap).as("seconds without the cluster's series around the hand-overs")
                .isLessThanOrEqualTo(threePeriods + 2 * LocalPlatform.METRICS_INTERVAL.toSeconds());
    }

    /**
     * InfluxDB away for a minute while the agent goes on collecting: once it is back, every point the broker took
     * from the agent is in InfluxDB, counted point by point.
     */
    @Test
    @Order(6)
    void no_point_is_lost_while_influxdb_is_away_for_a_minute() throws Exception {
        assertEveryPointAccountedFor(() -> {
            platform.influxdb("stop");
            try {
                Thread.sleep(Duration.ofSeconds(60).toMillis());
                assertThat(queueDepth()).as("batches waiting in the broker").isGreaterThan(0);
            } finally {
                platform.influxdb("start");
            }
        });
    }

    /**
     * metrics-service away and its queue full: the broker drops the oldest batches into the dropped queue, and
     * metrics-service counts and logs them once back. What InfluxDB holds and what was dropped are every point sent.
     */
    @Test
    @Order(7)
    void points_the_full_broker_drops_are_counted_and_logged() throws Exception {
        String queue = LocalPlatform.BUS_PREFIX + ".metrics";
        assertEveryPointAccountedFor(() -> {
            platform.metricsService.stop();
            LocalPlatform.rabbitmqctl("-q", "set_policy", "--priority", "10", "--apply-to", "queues", "loligo-systest-tiny",
                    "^" + Pattern.quote(queue) + "$", "{\"max-length\":3,\"dead-letter-exchange\":\"\",\"dead-letter-routing-key\":\""
                            + queue + ".dropped\"}");
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> depth(queue + ".dropped") > 0);
            } finally {
                LocalPlatform.rabbitmqctl("-q", "clear_policy", "loligo-systest-tiny");
                platform.metricsService.start();
                platform.metricsService.awaitReady(Duration.ofSeconds(60));
            }
        });
        assertThat(platform.metricsService.readinessFigure("points_dropped_by_broker")).isPositive();
        assertThat(platform.metricsService.logText()).contains("the broker dropped a batch of");
    }

    interface Disruption {
        void run() throws Exception;
    }

    /**
     * Counts every point a fresh agent had taken by the broker across a disruption against the points in a database
     * that holds only that agent's, point by point, and those the broker dropped, as metrics-service counted them.
     */
    private static void assertEveryPointAccountedFor(Disruption disruption) throws Exception {
        platform.agent.stop();
        awaitQueueEmpty();
        LocalPlatform.influxQuery("DROP DATABASE \"" + LocalPlatform.INFLUX_DATABASE + "\"");
        platform.agent.start();
        platform.agent.awaitReady(Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedPoints() > 0);

        disruption.run();

        Thread.sleep(Duration.ofSeconds(5).toMillis());
        platform.agent.stop();
        Matcher taken = POINTS_TAKEN.matcher(platform.agent.logText());
        long sent = -1;
        long givenUp = -1;
        while (taken.find()) {
            sent = Long.parseLong(taken.group(1));
            givenUp = Long.parseLong(taken.group(2));
        }
        assertThat(givenUp).isZero();
        awaitQueueEmpty();
        assertThat(storedPoints() + platform.metricsService.readinessFigure("points_dropped_by_broker")).isEqualTo(sent);
        platform.agent.start();
        platform.agent.awaitReady(Duration.ofSeconds(60));
    }

    private static int labPool() throws Exception {
        for (JsonNode pool : MAPPER.readTree(platform.ceph("osd", "pool", "ls", "detail", "--format", "json"))) {
            if (pool.path("pool_name").asText().equals("lab")) {
                return pool.path("pool_id").asInt();
            }
        }
        throw new AssertionError("the local cluster has no pool lab");
    }

    private static Map<Long, Double> points(JsonNode answer, String field) {
        Map<Long, Double> points = new HashMap<>();
        for (JsonNode series : answer.path("series")) {
            if (series.path("field").asText().equals(field)) {
                series.path("points").forEach(point -> points.put(point.path(0).asLong(), point.path(1).asDouble()));
            }
        }
        return points;
    }

    private static JsonNode get(String path, String subject) throws Exception {
        return MAPPER.readTree(api().get(path, subject).then().statusCode(200).extract().asString());
    }

    private static JsonNode values(String query) throws Exception {
        return MAPPER.readTree(api().get("/api/v3/metrics/values?" + query).then().statusCode(200).extract().asString());
    }

    private static JsonNode awaitSeries(String path, String subject) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get(path, subject), answer -> answer.path("series").size() > 0
                        && answer.path("series").path(0).path("points").size() > 0);
    }

    private static double lastValue(JsonNode answer, String field) {
        for (JsonNode series : answer.path("series")) {
            if (series.path("field").asText().equals(field)) {
                JsonNode points = series.path("points");
                return points.path(points.size() - 1).path(1).asDouble();
            }
        }
        throw new AssertionError("no series of " + field + " in " + answer);
    }

    private static double maxValue(JsonNode answer, String field) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode series : answer.path("series")) {
            if (series.path("field").asText().equals(field)) {
                for (JsonNode point : series.path("points")) {
                    max = Math.max(max, point.path(1).asDouble());
                }
            }
        }
        return max;
    }

    private static long loopbackReceived() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
            if (line.trim().startsWith("lo:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]);
            }
        }
        throw new AssertionError("no loopback in /proc/net/dev");
    }

    /** Every point in the database: each point carries its measurement's first field, so counting that counts points. */
    private static long storedPoints() throws Exception {
        long points = 0;
        for (Measurement measurement : Measurement.values()) {
            points += LocalPlatform.influxCount("SELECT count(\"" + measurement.presentField() + "\") FROM \""
                    + LocalPlatform.INFLUX_DATABASE + "\".\"raw\".\"" + measurement.influxName() + "\"");
        }
        return points;
    }

    /** Messages in the test platform's metric queue, taken or not yet acknowledged. */
    private static long queueDepth() throws Exception {
        return depth(LocalPlatform.BUS_PREFIX + ".metrics");
    }

    private static long depth(String queue) throws Exception {
        for (String line : LocalPlatform.rabbitmqctl("-q", "list_queues", "name", "messages").split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2 && columns[0].equals(queue)) {
                return Long.parseLong(columns[1]);
            }
        }
        throw new AssertionError("no queue " + queue);
    }

    private static void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> queueDepth() == 0 && depth(LocalPlatform.BUS_PREFIX + ".metrics.dropped") == 0);
    }
}
