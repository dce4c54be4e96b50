package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The walking skeleton end to end: node-agent on the real cluster, heartbeats over the real broker,
 * cluster-service on the real database, api-gateway in front. Every figure is checked against the ceph CLI.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static LocalPlatform platform;
    private static LocalPlatform.Session session;
    private static String fqdn;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform("PlatformIT");
        platform.start();
        fqdn = LocalPlatform.run(List.of("hostname", "-f"));
        session = platform.login();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    private static RequestSpecification api() {
        return platform.api(session);
    }

    /** Every daemon of the cluster as Ceph's own maps name them: {@code mon.a}, {@code osd.0}, {@code rgw.a}. */
    private static Set<String> daemonsByCephNames() throws Exception {
        Set<String> daemons = new TreeSet<>();
        MAPPER.readTree(platform.ceph("mon", "dump", "--format", "json")).path("mons")
                .forEach(mon -> daemons.add("mon." + mon.path("name").asText()));
        daemons.add("mgr." + MAPPER.readTree(platform.ceph("mgr", "dump", "--format", "json")).path("active_name").asText());
        MAPPER.readTree(platform.ceph("osd", "ls", "--format", "json")).forEach(osd -> daemons.add("osd." + osd.asText()));
        JsonNode fsDump = MAPPER.readTree(platform.ceph("fs", "dump", "--format", "json"));
        fsDump.path("filesystems").forEach(fs -> fs.path("mdsmap").path("info").forEach(mds -> daemons.add("mds." + mds.path("name").asText())));
        fsDump.path("standbys").forEach(mds -> daemons.add("mds." + mds.path("name").asText()));
        MAPPER.readTree(platform.ceph("service", "dump", "--format", "json")).path("services").path("rgw").path("daemons").fields()
                .forEachRemaining(daemon -> {
                    if (!daemon.getKey().equals("summary")) {
                        daemons.add("rgw." + daemon.getValue().path("metadata").path("id").asText(daemon.getKey()));
                    }
                });
        return daemons;
    }

    private static JsonNode server() throws Exception {
        return MAPPER.readTree(api().get("/api/v3/server/{fqdn}", fqdn).then().statusCode(200).extract().asString());
    }

    @Test
    @Order(1)
    void the_api_reports_the_real_clusters_fsid() throws Exception {
        String fsid = platform.ceph("fsid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api().get("/api/v3/cluster").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(fsid)));

        JsonNode clusters = MAPPER.readTree(api().get("/api/v3/cluster").asString());
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).path("id").asText()).isEqualTo(fsid);
        assertThat(clusters.get(0).path("name").asText()).isEqualTo("ceph");
        api().get("/api/v3/cluster/{fsid}", fsid).then().statusCode(200).body("id", equalTo(fsid));
    }

    @Test
    @Order(2)
    void the_server_list_names_this_host_with_its_mon_mgr_osds_mds_and_rgw() throws Exception {
        String fsid = platform.ceph("fsid");
        // the RGW joins the mgr's service map a few seconds after it first answers
        Set<String> expected = await().atMost(Duration.ofSeconds(30)).until(PlatformIT::daemonsByCephNames, daemons -> daemons.size() == 7);
        assertThat(expected).contains("mds.a", "rgw.a");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode server = server();
            Set<String> reported = new TreeSet<>();
            server.path("services").forEach(service -> {
                assertThat(service.path("fsid").asText()).isEqualTo(fsid);
                assertThat(service.path("running").asBoolean()).isTrue();
                reported.add(service.path("type").asText() + "." + service.path("id").asText());
            });
            assertThat(reported).isEqualTo(expected);
        });
        JsonNode server = server();
        assertThat(server.path("managed").asBoolean()).isTrue();
        assertThat(server.path("late").asBoolean()).isFalse();
        assertThat(server.path("ceph_version").asText()).isEqualTo(
                MAPPER.readTree(platform.ceph("version", "--format", "json")).path("version").asText().split(" ")[2]);
        assertThat(server.path("hostname").asText()).isEqualTo(fqdn.split("\\.")[0]);

        JsonNode clusterServers = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/server", fsid).asString());
        List<String> names = new ArrayList<>();
        clusterServers.forEach(s -> names.add(s.path("fqdn").asText()));
        assertThat(names).containsExactly(fqdn);
    }

    /**
     * The host's devices as lsblk lists them, the OSDs on each as their metadata names it, and whether each could take
     * a new OSD as ceph-volume's inventory says (the agent's, which it keeps for minutes).
     */
    @Test
    @Order(2)
    void the_hosts_devices_are_those_lsblk_lists_with_the_osds_and_availability_ceph_gives() throws Exception {
        JsonNode lsblk = MAPPER.readTree(LocalPlatform.run(List.of("lsblk", "--json", "--bytes", "--output", "PATH,SIZE")));
        JsonNode inventory = MAPPER.readTree(LocalPlatform.run(List.of("ceph-volume", "inventory", "--format", "json")));
        JsonNode metadata = MAPPER.readTree(platform.ceph("osd", "metadata", "--format", "json"));
        JsonNode read = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> MAPPER.readTree(api().get("/api/v3/server/{fqdn}/device", fqdn)
                .then().statusCode(200).extract().asString()), answer -> !answer.path("inventory_read_at").isMissingNode()
                && !answer.path("inventory_read_at").isNull());
        Map<String, JsonNode> devices = new java.util.HashMap<>();
        read.path("devices").forEach(device -> devices.put(device.path("path").asText(), device));
        for (JsonNode listed : lsblk.path("blockdevices")) {
            JsonNode device = devices.get(listed.path("path").asText());
            assertThat(device).as(listed.path("path") + " in " + read).isNotNull();
            assertThat(device.path("size_bytes").asLong()).isEqualTo(listed.path("size").asLong());
        }
        for (JsonNode decided : inventory) {
            JsonNode device = devices.get(decided.path("path").asText());
            assertThat(device.path("available").asBoolean()).as(decided.path("path").asText()).isEqualTo(decided.path("available").asBoolean());
            assertThat(device.path("availability_from").asText()).isEqualTo("ceph-volume");
        }
        for (JsonNode osd : metadata) {
            String used = "/dev/" + osd.path("devices").asText();
            assertThat(MAPPER.convertValue(devices.get(used).path("osds"), int[].class)).as(used).contains(osd.path("id").asInt());
        }
        api().get("/api/v3/server/{fqdn}/device", "no-such-host.example.com").then().statusCode(404);
    }

    @Test
    @Order(3)
    void nothing_but_info_and_login_is_open_without_a_session() {
        given().baseUri(platform.gateway.url()).get("/api/v3/cluster").then().statusCode(401)
                .contentType("application/problem+json");
        given().baseUri(platform.gateway.url()).get("/api/v3/server").then().statusCode(401);
        given().baseUri(platform.gateway.url()).get("/api/v3/info").then().statusCode(200).body("fqdn", equalTo(fqdn));
        api().get("/api/v3/server/{fqdn}", "no-such-host.example.com").then().statusCode(404)
                .contentType("application/problem+json").body("reason", equalTo("ServerNotFound"));
    }

    /**
     * The console's end-to-end tests (web-ui/e2e) in Debian's Chromium, against this platform and the real cluster;
     * they leave a screenshot of each page they visit in {@code target/systest/PlatformIT/screenshots}.
     */
    @Test
    @Order(4)
    void the_console_passes_its_end_to_end_tests_in_chromium() throws Exception {
        Path log = platform.workDir.resolve("console-e2e.log");
        Process process = platform.browserScript("node", "--test", "--test-reporter=spec", "e2e/console.test.mjs")
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("the console tests finished").isTrue();
        assertThat(process.exitValue()).as("console tests:\n" + Files.readString(log)).isZero();
    }

    @Test
    @Order(5)
    void a_malformed_heartbeat_is_rejected_and_logged_and_every_service_keeps_working() throws Exception {
        Instant before = Instant.now();
        long malformed = refusedByClusterService("malformed");
        // an agent nobody accepted yet, logged in under a name of its own with a key of its own, as anyone may
        String intruder = "intruder-" + UUID.randomUUID();
        KeyPair key = AgentSignatures.newKeyPair();
        Vertx vertx = Vertx.vertx();
        try {
            AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(LocalPlatform.TEST_BROKER_PORT)
                    .setUsername(intruder).setPassword(BrokerLogins.password(intruder, AgentSignatures.encode(key.getPublic()), key.getPrivate())));
            AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            AmqpSender sender = connection.createSender("/exchange/amq.topic/" + LocalPlatform.BUS_PREFIX + ".heartbeat." + intruder)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            for (AmqpMessage message : List.of(AmqpMessage.create().withBufferAsBody(Buffer.buffer("not-json{")).build(),
                    AmqpMessage.create().withBody("{\"schema\":1}").build())) {
                message.unwrap().setUserId(intruder.getBytes(StandardCharsets.UTF_8));
                sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            client.close();
        } finally {
            vertx.close();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusedByClusterService("malformed")).isEqualTo(malformed + 2));
        // the real agent's heartbeats are still recorded after the bad ones
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(OffsetDateTime.parse(server().path("last_contact").asText()).toInstant()).isAfter(before));
        for (ServiceProcess service : List.of(platform.clusterService, platform.metricsService, platform.gateway, platform.agent)) {
            assertThat(service.ready()).as(service.name() + " ready").isTrue();
        }
        api().get("/api/v3/server/{fqdn}", "intruder").then().statusCode(404);
    }

    @Test
    @Order(6)
    void a_stopped_agent_makes_its_server_late_within_three_periods_and_a_restart_clears_it() throws Exception {
        Duration period = LocalPlatform.HEARTBEAT_PERIOD;
        assertThat(server().path("late").asBoolean()).isFalse();

        platform.agent.stop();
        Instant stopped = Instant.now();
        await().atMost(period.multipliedBy(6)).pollInterval(Duration.ofMillis(100))
                .until(() -> server().path("late").asBoolean());
        Duration silence = Duration.between(stopped, Instant.now());
        // three periods, plus the transit of the last heartbeat and one polling step
        assertThat(silence).isLessThanOrEqualTo(period.multipliedBy(3).plusMillis(500));

        platform.agent.start();
        platform.agent.awaitReady(Duration.ofSeconds(60));
        await().atMost(period.multipliedBy(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> !server().path("late").asBoolean());
        assertThat(platform.clusterService.logText()).contains("is late reporting in").contains("regained contact");
        api().get("/api/v3/server/{fqdn}/event", fqdn).then().statusCode(200)
                .body("results[0].message", equalTo("Server " + fqdn + " regained contact"))
                .body("results[0].severity", equalTo("RECOVERY"))
                .body("results[1].message", org.hamcrest.Matchers.startsWith("Server " + fqdn + " is late reporting in"));
    }

    @Test
    @Order(7)
    void health_mons_osd_map_and_pg_summary_match_the_cli() throws Exception {
        String fsid = platform.ceph("fsid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/health", fsid).then().statusCode(200).extract().asString());
            JsonNode cli = MAPPER.readTree(platform.ceph("health", "detail", "--format", "json"));
            assertThat(health.path("report").path("status")).isEqualTo(cli.path("status"));
            assertThat(fieldNames(health.path("report").path("checks"))).isEqualTo(fieldNames(cli.path("checks")));
        });

        JsonNode quorum = MAPPER.readTree(platform.ceph("quorum_status", "--format", "json"));
        JsonNode mons = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/mon", fsid).then().statusCode(200).extract().asString());
        assertThat(mons).hasSize(quorum.path("monmap").path("mons").size());
        for (JsonNode mon : mons) {
            String name = mon.path("name").asText();
            assertThat(mon.path("in_quorum").asBoolean()).isEqualTo(names(quorum.path("quorum_names")).contains(name));
            assertThat(mon.path("leader").asBoolean()).isEqualTo(name.equals(quorum.path("quorum_leader_name").asText()));
            assertThat(mon.path("server").asText()).isEqualTo(fqdn);
        }
        api().get("/api/v3/cluster/{fsid}/mon/{name}", fsid, "a").then().statusCode(200).body("rank", equalTo(0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode cli = MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json"));
            JsonNode osdMap = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200).extract().asString());
            assertThat(osdMap.path("osd_dump").path("epoch")).isEqualTo(cli.path("epoch"));
            assertThat(osdMap.path("osd_dump").path("osds")).isEqualTo(cli.path("osds"));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode byState = MAPPER.readTree(platform.ceph("pg", "stat", "--format", "json")).path("pg_summary").path("num_pg_by_state");
            JsonNode summary = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/sync_object/pg_summary", fsid).then().statusCode(200).extract().asString());
            assertThat(summary.path("all").size()).isEqualTo(byState.size());
            byState.forEach(state -> assertThat(summary.path("all").path(state.path("name").asText()).asLong())
                    .as(state.path("name").asText()).isEqualTo(state.path("num").asLong()));
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = MAPPER.readTree(platform.ceph("status", "--format", "json"));
            JsonNode counters = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/health_counters", fsid).then().statusCode(200).extract().asString());
            long upAndIn = 0;
            for (JsonNode osd : MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("osds")) {
                upAndIn += osd.path("up").asInt() == 1 && osd.path("in").asInt() == 1 ? 1 : 0;
            }
            assertThat(counters.path("osd").path("ok").path("count").asLong()).isEqualTo(upAndIn);
            assertThat(counters.path("mon").path("ok").path("count").asInt()).isEqualTo(status.path("quorum").size());
            long pgs = counters.path("pg").path("ok").path("count").asLong() + counters.path("pg").path("warn").path("count").asLong()
                    + counters.path("pg").path("critical").path("count").asLong();
            assertThat(pgs).isEqualTo(status.path("pgmap").path("num_pgs").asLong());
            assertThat(counters.path("pool").path("total").asInt()).isEqualTo(status.path("pgmap").path("num_pools").asInt());
        });
        JsonNode types = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/sync_object", fsid).asString());
        assertThat(names(types)).contains("osd_map", "mon_map", "mon_status", "mds_map", "health", "pg_summary");
    }

    @Test
    @Order(8)
    void osds_match_the_cli_and_page_filter_and_explain_bad_input() throws Exception {
        String fsid = platform.ceph("fsid");
        JsonNode cli = MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode osds = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/osd", fsid).then().statusCode(200).extract().asString());
            assertThat(osds).hasSize(cli.path("osds").size());
            for (int i = 0; i < osds.size(); i++) {
                JsonNode osd = osds.get(i);
                JsonNode expected = cli.path("osds").get(i);
                assertThat(osd.path("id").asInt()).isEqualTo(expected.path("osd").asInt());
                assertThat(osd.path("up").asBoolean()).isEqualTo(expected.path("up").asInt() == 1);
                assertThat(osd.path("in").asBoolean()).isEqualTo(expected.path("in").asInt() == 1);
                assertThat(osd.path("reweight").asDouble()).isEqualTo(expected.path("weight").asDouble());
                assertThat(osd.path("uuid").asText()).isEqualTo(expected.path("uuid").asText());
                assertThat(osd.path("server").asText()).isEqualTo(fqdn);
                assertThat(osd.path("pools")).isNotEmpty();
            }
        });
        api().get("/api/v3/cluster/{fsid}/osd?page=1&page_size=2", fsid).then().statusCode(200)
                .body("count", equalTo(3)).body("results.id", org.hamcrest.Matchers.contains(0, 1))
                .body("next", equalTo("?page=2&page_size=2")).body("previous", org.hamcrest.Matchers.nullValue());
        api().get("/api/v3/cluster/{fsid}/osd?id__in[]=0&id__in[]=2&ordering=-id", fsid).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(2, 0));
        api().get("/api/v3/cluster/{fsid}/osd?page_size=0&up=maybe", fsid).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("page_size", "up"));
        api().get("/api/v3/cluster/{fsid}/osd/{id}", fsid, 1).then().statusCode(200).body("id", equalTo(1))
                .body("valid_commands", org.hamcrest.Matchers.contains("scrub", "deep_scrub", "repair"))
                .body("host", equalTo(fqdn.split("\\.")[0]));
        api().get("/api/v3/cluster/{fsid}/osd/{id}", fsid, 99).then().statusCode(404).body("reason", equalTo("OsdNotFound"));
        api().get("/api/v3/cluster/{fsid}/osd/{id}", fsid, "x").then().statusCode(400).body("errors[0].field", equalTo("id"));
        api().get("/api/v3/cluster/{fsid}/osd/command", fsid).then().statusCode(200)
                .body("", org.hamcrest.Matchers.contains("scrub", "deep_scrub", "repair"));
        api().get("/api/v3/cluster/{fsid}/osd/{id}/command", fsid, 2).then().statusCode(200)
                .body("'2'.valid_commands", org.hamcrest.Matchers.hasSize(3));

        JsonNode cliPools = MAPPER.readTree(platform.ceph("osd", "pool", "ls", "detail", "--format", "json"));
        JsonNode pools = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(200).extract().asString());
        assertThat(pools).hasSize(cliPools.size());
        for (int i = 0; i < pools.size(); i++) {
            assertThat(pools.get(i).path("id").asInt()).isEqualTo(cliPools.get(i).path("pool_id").asInt());
            assertThat(pools.get(i).path("name").asText()).isEqualTo(cliPools.get(i).path("pool_name").asText());
            assertThat(pools.get(i).path("size").asInt()).isEqualTo(cliPools.get(i).path("size").asInt());
            assertThat(pools.get(i).path("pg_num").asInt()).isEqualTo(cliPools.get(i).path("pg_num").asInt());
        }
        api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, pools.get(0).path("id").asInt()).then().statusCode(200)
                .body("name", equalTo(pools.get(0).path("name").asText()));
        api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, "lab").then().statusCode(400).body("errors[0].field", equalTo("id"));
        api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, 999).then().statusCode(404);

        JsonNode cliRules = MAPPER.readTree(platform.ceph("osd", "crush", "rule", "dump", "--format", "json"));
        JsonNode rules = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/crush_rule", fsid).then().statusCode(200).extract().asString());
        assertThat(rules).hasSize(cliRules.size());
        assertThat(rules.get(0).path("name").asText()).isEqualTo(cliRules.get(0).path("rule_name").asText());
        assertThat(rules.get(0).path("steps")).isEqualTo(cliRules.get(0).path("steps"));
        assertThat(rules.get(0).path("osd_count").asInt()).isEqualTo(MAPPER.readTree(platform.ceph("osd", "ls", "--format", "json")).size());
        JsonNode crush = MAPPER.readTree(platform.ceph("osd", "crush", "dump", "--format", "json"));
        JsonNode nodes = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/crush_node", fsid).asString());
        Set<String> bucketNames = new TreeSet<>();
        crush.path("buckets").forEach(bucket -> bucketNames.add(bucket.path("name").asText()));
        Set<String> nodeNames = new TreeSet<>();
        nodes.forEach(node -> nodeNames.add(node.path("name").asText()));
        assertThat(nodeNames).isEqualTo(bucketNames);
        api().get("/api/v3/cluster/{fsid}/crush_type/{id}", fsid, 1).then().statusCode(200).body("name", equalTo("host"));
        api().get("/api/v3/cluster/{fsid}/crush_rule_set", fsid).then().statusCode(200).body("[0].rules", org.hamcrest.Matchers.hasSize(1));
        api().get("/api/v3/cluster/{fsid}/crush_node/{id}", fsid, -1).then().statusCode(200).body("bucket_type", equalTo("root"));

        Path binaryMap = Files.createTempFile("crush", ".bin");
        platform.ceph("osd", "getcrushmap", "-o", binaryMap.toString());
        String decompiled = LocalPlatform.run(List.of("crushtool", "-d", binaryMap.toString()));
        Files.delete(binaryMap);
        JsonNode text = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/crush_map", fsid).then().statusCode(200).extract().asString());
        assertThat(text.asText().strip()).isEqualTo(decompiled);
    }

    @Test
    @Order(9)
    void the_maps_survive_a_cluster_service_restart() throws Exception {
        String fsid = platform.ceph("fsid");
        String before = api().get("/api/v3/cluster/{fsid}/sync_object/mon_map", fsid).then().statusCode(200).extract().asString();

        platform.clusterService.stop();
        platform.clusterService.start();
        platform.clusterService.awaitReady(Duration.ofSeconds(60));

        // served from the database at once: no agent had to be asked again
        api().get("/api/v3/cluster/{fsid}/sync_object/mon_map", fsid).then().statusCode(200).body(equalTo(before));
        api().get("/api/v3/cluster/{fsid}/health", fsid).then().statusCode(200);
    }

    @Test
    @Order(10)
    void an_osd_marked_out_shows_in_the_api_and_in_again() throws Exception {
        String fsid = platform.ceph("fsid");
        try {
            platform.ceph("osd", "out", "2");
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> osdIn(fsid, 2) == 0);
        } finally {
            platform.ceph("osd", "in", "2");
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> osdIn(fsid, 2) == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api().get("/api/v3/cluster/{fsid}/event?page_size=100", fsid).then().statusCode(200)
                        .body("results.message", org.hamcrest.Matchers.hasItems("OSD osd.2 was marked out", "OSD osd.2 was marked in")));
        api().get("/api/v3/cluster/{fsid}/event?severity=WARNING&page_size=100", fsid).then()
                .body("results.message", org.hamcrest.Matchers.hasItem("OSD osd.2 was marked out"))
                .body("results.message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("OSD osd.2 was marked in")));
    }

    @Test
    @Order(11)
    void the_configuration_is_the_quorum_leaders_and_follows_a_change() throws Exception {
        String fsid = platform.ceph("fsid");
        String leader = MAPPER.readTree(platform.ceph("quorum_status", "--format", "json")).path("quorum_leader_name").asText();
        JsonNode cli = MAPPER.readTree(platform.ceph("tell", "mon." + leader, "config", "show", "--format", "json"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                api().get("/api/v3/cluster/{fsid}/config", fsid).then().statusCode(200));
        JsonNode config = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/config", fsid).asString());
        assertThat(config).hasSize(cli.size());
        for (String key : List.of("fsid", "mon_host", "osd_pool_default_size", "public_network", "osd_max_backfills")) {
            api().get("/api/v3/cluster/{fsid}/config/{key}", fsid, key).then().statusCode(200)
                    .body("key", equalTo(key)).body("value", equalTo(cli.path(key).asText()));
        }
        api().get("/api/v3/cluster/{fsid}/config/{key}", fsid, "no_such_option").then().statusCode(404)
                .contentType("application/problem+json").body("reason", equalTo("ConfigKeyNotFound"));

        String backfills = cli.path("osd_max_backfills").asText();
        String changed = String.valueOf(Integer.parseInt(backfills) + 6);
        try {
            platform.ceph("config", "set", "global", "osd_max_backfills", changed);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    api().get("/api/v3/cluster/{fsid}/config/osd_max_backfills", fsid).then().body("value", equalTo(changed)));
            api().get("/api/v3/cluster/{fsid}/event?page_size=100", fsid).then().body("results.message", org.hamcrest.Matchers.hasItem(
                    "Configuration of cluster 'ceph' changed: osd_max_backfills " + backfills + " → " + changed));
        } finally {
            platform.ceph("config", "rm", "global", "osd_max_backfills");
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                api().get("/api/v3/cluster/{fsid}/config/osd_max_backfills", fsid).then().body("value", equalTo(backfills)));
    }

    @Test
    @Order(12)
    void usage_and_the_cluster_log_are_read_live_from_the_cluster() throws Exception {
        String fsid = platform.ceph("fsid");
        // the mgr's totals trail an OSD marked in by earlier tests for a few seconds: compare once they have settled
        AtomicReference<JsonNode> settled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode df = MAPPER.readTree(platform.ceph("df", "detail", "--format", "json"));
            long totalBytes = df.path("stats").path("total_bytes").asLong();
            int objects = 0;
            for (JsonNode pool : df.path("pools")) {
                objects += pool.path("stats").path("objects").asInt();
            }
            api().get("/api/v3/cluster/{fsid}/stats", fsid).then().statusCode(200)
                    .body("kb", equalTo((int) (totalBytes / 1024))).body("num_objects", equalTo(objects));
            api().get("/api/v3/cluster/{fsid}/space", fsid).then().statusCode(200)
                    .body("capacity_bytes", equalTo(totalBytes))
                    .body("free_bytes", org.hamcrest.Matchers.lessThanOrEqualTo(totalBytes));
            settled.set(df);
        });
        JsonNode df = settled.get();
        JsonNode pools = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/stats", fsid).then().statusCode(200).extract().asString());
        assertThat(pools.findValuesAsText("name")).isEqualTo(df.path("pools").findValuesAsText("name"));
        int poolId = df.path("pools").path(0).path("id").asInt();
        JsonNode poolStats = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{id}/stats", fsid, poolId).then().statusCode(200)
                .body("pool", equalTo(poolId)).extract().asString());
        // the OSDs write as they run: room left moves a little between two reads
        assertThat(poolStats.path("max_avail").asDouble())
                .isCloseTo(df.path("pools").path(0).path("stats").path("max_avail").asDouble(), org.assertj.core.data.Percentage.withPercentage(1));
        api().get("/api/v3/cluster/{fsid}/pool/{id}/stats", fsid, 999).then().statusCode(404);

        String note = "Loligo system test " + UUID.randomUUID();
        platform.ceph("log", note);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api().get("/api/v3/cluster/{fsid}/log?lines=5", fsid).then().statusCode(200)
                        .body("entries.message", org.hamcrest.Matchers.hasItem(note))
                        .body("lines", org.hamcrest.Matchers.containsString("[INF] " + note)));
        api().get("/api/v3/cluster/{fsid}/log?lines=0&level=loud", fsid).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("lines", "level"));
    }

    @Test
    @Order(13)
    void a_clusters_servers_show_their_ceph_addresses_and_the_interfaces_holding_them() throws Exception {
        String fsid = platform.ceph("fsid");
        JsonNode dump = MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json"));
        String publicAddr = dump.path("osds").path(0).path("public_addr").asText();
        String clusterAddr = dump.path("osds").path(0).path("cluster_addr").asText();
        String frontIface = LocalPlatform.run(List.of("ip", "-o", "addr", "show", "to", publicAddr.substring(0, publicAddr.lastIndexOf(':'))))
                .split("\\s+")[1];

        api().get("/api/v3/cluster/{fsid}/server/{fqdn}", fsid, fqdn).then().statusCode(200)
                .body("frontend_addr", equalTo(publicAddr.substring(0, publicAddr.lastIndexOf(':'))))
                .body("backend_addr", equalTo(clusterAddr.substring(0, clusterAddr.lastIndexOf(':'))))
                .body("frontend_iface", equalTo(frontIface));
        api().get("/api/v3/cluster/{fsid}/server", fsid).then().statusCode(200).body("[0].frontend_iface", equalTo(frontIface));
        api().get("/api/v3/cluster/{fsid}/server/{fqdn}", fsid, "nowhere.example.com").then().statusCode(404);
    }

    @Test
    @Order(14)
    void an_osd_marked_out_and_in_through_the_api_completes_when_the_cluster_shows_it() throws Exception {
        String fsid = platform.ceph("fsid");
        String out = null;
        String in;
        try {
            out = api().contentType(ContentType.JSON).body("{\"in\": false}")
                    .patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 2).then().statusCode(202).extract().path("request_id");
            JsonNode request = awaitEnded(out);
            assertThat(request.path("state").asText()).isEqualTo("complete");
            // complete means the cluster and the API have it already: no waiting here
            assertThat(cliOsdIn(2)).isZero();
            assertThat(osdIn(fsid, 2)).isZero();
            assertThat(request.path("requested_by").asText()).isEqualTo("admin");
            assertThat(request.path("headline").asText()).isEqualTo("Updating osd.2: out");
            // the agent journals its reply, so that a redelivery after its restart is answered, not run again
            assertThat(Files.readString(platform.workDir.resolve("agent-state/answered-commands.jsonl")))
                    .contains("\"commandId\":\"request:" + out + ":0\"");
        } finally {
            in = api().contentType(ContentType.JSON).body("{\"in\": true}")
                    .patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 2).then().statusCode(202).extract().path("request_id");
            assertThat(awaitEnded(in).path("state").asText()).isEqualTo("complete");
        }
        assertThat(cliOsdIn(2)).isEqualTo(1);
        assertThat(osdIn(fsid, 2)).isEqualTo(1);
        // complete, the request goes on following the data its change moves, until Ceph has every PG active+clean
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                api().get("/api/v3/request/{id}", in).then().body("status", org.hamcrest.Matchers.startsWith("Complete; data movement finished after ")));
        JsonNode pgmap = MAPPER.readTree(platform.ceph("status", "--format", "json")).path("pgmap");
        assertThat(pgmap.path("pgs_by_state")).allSatisfy(state -> assertThat(state.path("state_name").asText()).startsWith("active+clean"));
        api().get("/api/v3/request/{id}", out).then().body("status", equalTo("Complete; data movement followed by request " + in));
        api().contentType(ContentType.JSON).body("{\"in\": true}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 2)
                .then().statusCode(304);
        api().contentType(ContentType.JSON).body("{\"up\": true}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 2)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("up"));
        api().contentType(ContentType.JSON).body("{\"in\": false}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 99)
                .then().statusCode(404);
        given().baseUri(platform.gateway.url()).cookie("loligo_session", session.cookie()).contentType(ContentType.JSON)
                .body("{\"in\": false}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 2).then().statusCode(403);
        api().get("/api/v3/cluster/{fsid}/request?state=complete&page_size=100", fsid).then().statusCode(200)
                .body("results.headline", org.hamcrest.Matchers.hasItems("Updating osd.2: out", "Updating osd.2: in"));
    }

    @Test
    @Order(15)
    void osd_flags_and_osd_commands_go_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        try {
            String set = api().contentType(ContentType.JSON).body("{\"noout\": true}")
                    .patch("/api/v3/cluster/{fsid}/osd_config", fsid).then().statusCode(202).extract().path("request_id");
            assertThat(awaitEnded(set).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("flags").asText()).contains("noout");
            api().get("/api/v3/cluster/{fsid}/osd_config", fsid).then().body("noout", equalTo(true)).body("noin", equalTo(false));
        } finally {
            String clear = api().contentType(ContentType.JSON).body("{\"noout\": false}")
                    .patch("/api/v3/cluster/{fsid}/osd_config", fsid).then().statusCode(202).extract().path("request_id");
            assertThat(awaitEnded(clear).path("state").asText()).isEqualTo("complete");
        }
        assertThat(MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("flags").asText()).doesNotContain("noout");
        api().contentType(ContentType.JSON).body("{\"sortbitwise\": false}").patch("/api/v3/cluster/{fsid}/osd_config", fsid)
                .then().statusCode(400).body("errors[0].field", equalTo("sortbitwise"));

        api().get("/api/v3/cluster/{fsid}/osd/0/command/deep_scrub", fsid).then().statusCode(200).body("valid", equalTo(true));
        String scrub = api().post("/api/v3/cluster/{fsid}/osd/0/command/deep_scrub", fsid).then().statusCode(202)
                .extract().path("request_id");
        JsonNode scrubbed = awaitEnded(scrub);
        assertThat(scrubbed.path("state").asText()).isEqualTo("complete");
        assertThat(scrubbed.path("log").findValuesAsText("message")).anyMatch(line -> line.contains("\"prefix\":\"osd deep-scrub\""));
        api().post("/api/v3/cluster/{fsid}/osd/0/command/defrag", fsid).then().statusCode(404);
    }

    @Test
    @Order(16)
    void a_request_survives_cluster_service_being_killed_in_its_middle() throws Exception {
        String fsid = platform.ceph("fsid");
        String out = api().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 1).then().statusCode(202).extract().path("request_id");
        try {
            platform.clusterService.kill();
            platform.clusterService.start();
            platform.clusterService.awaitReady(Duration.ofSeconds(60));

            JsonNode request = awaitEnded(out);
            assertThat(request.path("state").asText()).as(request.toString()).isEqualTo("complete");
            assertThat(cliOsdIn(1)).isZero();
        } finally {
            platform.ceph("osd", "in", "1");
        }
    }

    @Test
    @Order(17)
    void a_pools_pgs_are_listed_and_a_deep_scrub_through_the_api_moves_the_pgs_stamp() throws Exception {
        String fsid = platform.ceph("fsid");
        int labPool = 0;
        for (JsonNode detail : MAPPER.readTree(platform.ceph("osd", "pool", "ls", "detail", "--format", "json"))) {
            if (detail.path("pool_name").asText().equals("lab")) {
                labPool = detail.path("pool_id").asInt();
            }
        }
        int pool = labPool;
        // earlier tests moved OSDs out and in: PGs may still be remapping, so compare once both reads agree
        AtomicReference<JsonNode> apiFirst = new AtomicReference<>();
        AtomicReference<JsonNode> cliFirst = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode cli = MAPPER.readTree(platform.ceph("pg", "ls-by-pool", "lab", "--format", "json")).path("pg_stats");
            JsonNode page = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{pool}/pg?page_size=10", fsid, pool)
                    .then().statusCode(200).extract().asString());
            assertThat(page.path("count").asInt()).isEqualTo(cli.size());
            assertThat(page.path("results")).hasSize(10);
            JsonNode first = page.path("results").path(0);
            JsonNode same = null;
            for (JsonNode pg : cli) {
                if (pg.path("pgid").asText().equals(first.path("id").asText())) {
                    same = pg;
                }
            }
            assertThat(same).as("PG " + first.path("id").asText() + " in the CLI's list").isNotNull();
            assertThat(first.path("acting")).isEqualTo(same.path("acting"));
            assertThat(first.path("up_primary").asInt()).isEqualTo(same.path("up_primary").asInt());
            assertThat(first.path("state").asText()).isEqualTo(same.path("state").asText());
            apiFirst.set(first);
            cliFirst.set(same);
        });
        JsonNode first = apiFirst.get();
        assertThat(first.path("pool").asText()).isEqualTo("lab");
        assertThat(first.path("valid_commands")).extracting(JsonNode::asText).containsExactly("scrub", "deep_scrub", "repair");

        String pgid = first.path("id").asText();
        String before = cliFirst.get().path("last_deep_scrub_stamp").asText();
        String scrub = api().post("/api/v3/cluster/{fsid}/pool/{pool}/pg/{pgid}/command/deep_scrub", fsid, labPool, pgid)
                .then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(scrub).path("state").asText()).isEqualTo("complete");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !MAPPER.readTree(platform.ceph("pg", pgid, "query", "--format", "json")).path("info").path("stats")
                        .path("last_deep_scrub_stamp").asText().equals(before));

        JsonNode valid = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{pool}/pg/{pgid}/command", fsid, labPool, pgid)
                .then().statusCode(200).extract().asString());
        assertThat(valid.path(pgid).path("valid_commands")).extracting(JsonNode::asText).contains("deep_scrub");
        api().get("/api/v3/cluster/{fsid}/pool/{pool}/pg/{pgid}/command", fsid, labPool, "99.0").then().statusCode(404);
        api().post("/api/v3/cluster/{fsid}/pool/{pool}/pg/{pgid}/command/defrag", fsid, labPool, pgid).then().statusCode(404);
        api().get("/api/v3/cluster/{fsid}/pool/{pool}/pg?page_size=0", fsid, labPool).then().statusCode(400)
                .body("errors[0].field", equalTo("page_size"));
    }

    @Test
    @Order(18)
    void a_pool_is_created_changed_renamed_and_deleted_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        String name = "loligo-it-" + UUID.randomUUID().toString().substring(0, 8);
        api().get("/api/v3/cluster/{fsid}/pool/defaults", fsid).then().statusCode(200).body("size", equalTo(3))
                .body("pg_num", equalTo(32)).body("type", equalTo("replicated"));

        String create = api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"pg_num\": 8, \"size\": 2, \"quota_max_objects\": 500, \"application\": \"rbd\"}")
                .post("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(202).extract().path("request_id");
        JsonNode createdRequest = awaitEnded(create);
        assertThat(createdRequest.path("state").asText()).isEqualTo("complete");
        // complete means usable: every PG active, and a PG command taken at once
        JsonNode pgs = MAPPER.readTree(platform.ceph("pg", "ls-by-pool", name, "--format", "json")).path("pg_stats");
        assertThat(pgs).hasSize(8).allSatisfy(pg -> assertThat(pg.path("state").asText().split("\\+")).contains("active"));
        JsonNode created = cliPool(name);
        assertThat(created.path("size").asInt()).isEqualTo(2);
        assertThat(created.path("min_size").asInt()).isEqualTo(1);
        assertThat(created.path("pg_num").asInt()).isEqualTo(8);
        assertThat(created.path("quota_max_objects").asLong()).isEqualTo(500);
        assertThat(created.path("application_metadata").has("rbd")).isTrue();
        int id = created.path("pool_id").asInt();
        api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, id).then().statusCode(200).body("name", equalTo(name));
        String scrub = api().post("/api/v3/cluster/{fsid}/pool/{pool}/pg/{pgid}/command/deep_scrub", fsid, id, id + ".0")
                .then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(scrub).path("state").asText()).isEqualTo("complete");

        api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"pg_num\": 8}")
                .post("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("PoolExists")).body("errors[0].field", equalTo("name"));
        api().contentType(ContentType.JSON).body("{\"name\": \"other\", \"pg_num\": 8, \"pgp_num\": 16, \"size\": 0}")
                .post("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("pgp_num", "size"));

        String renamed = name + "-renamed";
        String update = api().contentType(ContentType.JSON).body("{\"size\": 3, \"name\": \"" + renamed + "\"}")
                .patch("/api/v3/cluster/{fsid}/pool/{id}", fsid, id).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(update).path("state").asText()).isEqualTo("complete");
        assertThat(cliPool(renamed).path("size").asInt()).isEqualTo(3);
        api().contentType(ContentType.JSON).body("{\"size\": 3}").patch("/api/v3/cluster/{fsid}/pool/{id}", fsid, id)
                .then().statusCode(304);

        String delete = api().delete("/api/v3/cluster/{fsid}/pool/{id}", fsid, id).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(delete).path("state").asText()).isEqualTo("complete");
        assertThat(cliPool(renamed)).isNull();
        api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, id).then().statusCode(404);
    }

    /** The file systems as the FS map holds them: pools, ranks and the MDS holding each, standbys. */
    @Test
    @Order(19)
    void the_file_systems_are_shown_as_the_fs_map_has_them() throws Exception {
        String fsid = platform.ceph("fsid");
        JsonNode dump = MAPPER.readTree(platform.ceph("fs", "dump", "--format", "json"));
        JsonNode mdsMap = dump.path("filesystems").path(0).path("mdsmap");
        assertThat(mdsMap.path("fs_name").asText()).isEqualTo("cephfs");

        JsonNode fileSystems = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/fs", fsid).then().statusCode(200).extract().asString());
        assertThat(fileSystems).hasSize(dump.path("filesystems").size());
        JsonNode cephfs = fileSystems.path(0);
        assertThat(cephfs.path("name").asText()).isEqualTo("cephfs");
        assertThat(cephfs.path("id").asInt()).isEqualTo(dump.path("filesystems").path(0).path("id").asInt());
        assertThat(cephfs.path("max_mds").asInt()).isEqualTo(mdsMap.path("max_mds").asInt());
        assertThat(cephfs.path("metadata_pool").asText()).isEqualTo("cephfs.cephfs.meta");
        assertThat(MAPPER.convertValue(cephfs.path("data_pools"), List.class)).containsExactly("cephfs.cephfs.data");
        JsonNode rank = cephfs.path("ranks").path(0);
        assertThat(cephfs.path("ranks")).hasSize(mdsMap.path("in").size());
        assertThat(rank.path("state").asText()).isEqualTo("active");
        assertThat(rank.path("mds").path("name").asText()).isEqualTo("a");
        assertThat(rank.path("mds").path("gid").asLong()).isEqualTo(mdsMap.path("up").path("mds_0").asLong());
        assertThat(rank.path("mds").path("server").asText()).isEqualTo(fqdn);
        assertThat(cephfs.path("standbys")).hasSize(dump.path("standbys").size());

        api().get("/api/v3/cluster/{fsid}/fs/{name}", fsid, "cephfs").then().statusCode(200).body("name", equalTo("cephfs"));
        api().get("/api/v3/cluster/{fsid}/fs/{name}", fsid, "nofs").then().statusCode(404)
                .body("reason", equalTo("FileSystemNotFound")).body("detail", org.hamcrest.Matchers.containsString("cephfs"));
    }

    /**
     * A file system made and removed through requests of the mgr's volumes module, its pools with it, as the ceph
     * tool shows; bad and taken names refused with the field named.
     */
    @Test
    @Order(19)
    void a_file_system_is_created_and_removed_with_its_pools_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        String name = "loligo-it-fs-" + UUID.randomUUID().toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/api/v3/cluster/{fsid}/fs", fsid).statusCode() == 200);
        try {
            api().contentType(ContentType.JSON).body("{\"name\": \"a/b\"}").post("/api/v3/cluster/{fsid}/fs", fsid).then().statusCode(400)
                    .body("errors[0].field", equalTo("name"));
            api().contentType(ContentType.JSON).body("{\"name\": \"cephfs\"}").post("/api/v3/cluster/{fsid}/fs", fsid).then().statusCode(409)
                    .body("reason", equalTo("FileSystemExists")).body("errors[0].field", equalTo("name"));

            JsonNode created = awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                    .post("/api/v3/cluster/{fsid}/fs", fsid).then().statusCode(202).extract().path("request_id"));
            assertThat(created.path("state").asText()).as(created.toString()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "ls", "--format", "json")).findValuesAsText("name")).contains(name);
            assertThat(platform.ceph("osd", "pool", "ls")).contains("cephfs." + name + ".meta", "cephfs." + name + ".data");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/api/v3/cluster/{fsid}/fs/{name}", fsid, name).then()
                    .statusCode(200).body("metadata_pool", equalTo("cephfs." + name + ".meta")));

            JsonNode removed = awaitEnded(api().delete("/api/v3/cluster/{fsid}/fs/{name}", fsid, name).then().statusCode(202)
                    .extract().path("request_id"));
            assertThat(removed.path("state").asText()).as(removed.toString()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "ls", "--format", "json")).findValuesAsText("name")).doesNotContain(name);
            assertThat(platform.ceph("osd", "pool", "ls")).doesNotContain("cephfs." + name);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/api/v3/cluster/{fsid}/fs/{name}", fsid, name).then()
                    .statusCode(404));
        } finally {
            if (MAPPER.readTree(platform.ceph("fs", "ls", "--format", "json")).findValuesAsText("name").contains(name)) {
                platform.ceph("fs", "volume", "rm", name, "--yes-i-really-mean-it");
            }
        }
        // the volume had no MDS while it lived: the tests that follow want the cluster healthy again
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
    }

    /**
     * Daemons stopped and started through their host's service manager (the lab's, as systemd would on a production
     * host) once Ceph's ok-to-stop allows, each checked with the ceph tool: the lab's only mon refused with Ceph's
     * reason; osd.1 stopped, after which osd.2 is refused (its PGs would go below min_size) until the override names
     * it, as the audit log records; both started again; a whole host's restart stops at the mon Ceph refuses.
     */
    @Test
    @Order(20)
    void daemons_stop_and_start_through_the_agent_after_cephs_ok_to_stop_as_the_osd_map_shows() throws Exception {
        String daemon = "/api/v3/server/{fqdn}/daemon/{daemon}";
        // once the agent has reported the host's daemons
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> server().path("services").findValuesAsText("id").contains("2"));
        try {
            api().contentType(ContentType.JSON).body("{\"action\": \"stop\"}").post(daemon, fqdn, "mon.a").then().statusCode(409)
                    .body("reason", equalTo("NotOkToStop")).body("detail", org.hamcrest.Matchers.containsString("not enough monitors"));
            api().contentType(ContentType.JSON).body("{\"action\": \"halt\"}").post(daemon, fqdn, "osd.1").then().statusCode(400)
                    .body("errors[0].field", equalTo("action"));
            api().contentType(ContentType.JSON).body("{\"action\": \"stop\"}").post(daemon, fqdn, "osd.99").then().statusCode(404)
                    .body("reason", equalTo("DaemonNotFound"));

            long started = System.nanoTime();
            JsonNode stopped = awaitEnded(api().contentType(ContentType.JSON).body("{\"action\": \"stop\"}").post(daemon, fqdn, "osd.1")
                    .then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(120));
            assertThat(stopped.path("state").asText()).as(stopped.toString()).isEqualTo("complete");
            System.out.printf("osd.1 stopped through the API in %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(osdUp(1)).isFalse();

            // with osd.1 down, stopping osd.2 would leave PGs below min_size: Ceph says no once its PG states show
            // osd.1 gone (the mgr's, seconds after the OSD map), and Loligo with it
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.cephExitCode("osd", "ok-to-stop", "2") != 0);
            api().contentType(ContentType.JSON).body("{\"action\": \"stop\"}").post(daemon, fqdn, "osd.2").then().statusCode(409)
                    .body("reason", equalTo("NotOkToStop")).body("detail", org.hamcrest.Matchers.containsString("osd.2"));
            api().contentType(ContentType.JSON).body("{\"action\": \"stop\", \"override\": \"osd.1\"}").post(daemon, fqdn, "osd.2").then()
                    .statusCode(400).body("errors[0].field", equalTo("override"));
            JsonNode overridden = awaitEnded(api().contentType(ContentType.JSON).body("{\"action\": \"stop\", \"override\": \"osd.2\"}")
                    .post(daemon, fqdn, "osd.2").then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(120));
            assertThat(overridden.path("state").asText()).as(overridden.toString()).isEqualTo("complete");
            assertThat(overridden.path("headline").asText()).contains("against Ceph's ok-to-stop");
            assertThat(osdUp(2)).isFalse();
            assertThat(api().get("/api/v3/audit?path=/api/v3/server/" + fqdn + "/daemon/osd.2").then().statusCode(200).extract()
                    .jsonPath().getList("results.body", String.class)).anySatisfy(body -> assertThat(body).contains("\"override\":\"osd.2\""));

            for (String osd : List.of("osd.2", "osd.1")) {
                started = System.nanoTime();
                JsonNode back = awaitEnded(api().contentType(ContentType.JSON).body("{\"action\": \"start\"}").post(daemon, fqdn, osd)
                        .then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(120));
                assertThat(back.path("state").asText()).as(back.toString()).isEqualTo("complete");
                System.out.printf("%s started through the API in %.1f s%n", osd, (System.nanoTime() - started) / 1e9);
            }
            assertThat(osdUp(1)).isTrue();
            assertThat(osdUp(2)).isTrue();

            JsonNode restart = awaitEnded(api().post("/api/v3/server/{fqdn}/restart", fqdn).then().statusCode(202).extract().path("request_id"),
                    Duration.ofSeconds(120));
            assertThat(restart.path("state").asText()).isEqualTo("error");
            assertThat(restart.path("error_message").asText()).contains("mon.a", "not enough monitors");
        } finally {
            platform.startCephDaemons();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
    }

    /**
     * An OSD stopped until its alert fires: it reaches the tests' own Alertmanager (read through its v2 API) and a
     * webhook receiver, each once; cluster-service restarts while it fires; the OSD returns and the alert resolves,
     * told to each once more, and no more. A health check silenced meanwhile fires in Loligo, silenced, and reaches
     * neither. Bad receivers and silences are refused, naming the field.
     */
    @Test
    @Order(23)
    void an_osd_down_alert_reaches_alertmanager_and_a_webhook_once_each_way_across_a_restart_and_a_silence_holds() throws Exception {
        AlertSinks sinks = new AlertSinks(0, platform.maildir());
        String fsid = platform.ceph("fsid");
        String receivers = "/api/v3/alert/receiver";
        List<String> made = new ArrayList<>();
        String silence = null;
        try {
            api().contentType(ContentType.JSON).body("{\"name\": \"bad\", \"kind\": \"webhook\", \"url\": \"file:///etc/passwd\"}").post(receivers)
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
            api().contentType(ContentType.JSON).body("{\"name\": \"bad\", \"kind\": \"pager\", \"url\": \"http://x\"}").post(receivers)
                    .then().statusCode(400).body("errors[0].field", equalTo("kind"));
            api().contentType(ContentType.JSON).body("{\"matchers\": [], \"ends_at\": \"" + Instant.now().plusSeconds(600) + "\", \"comment\": \"x\"}")
                    .post("/api/v3/alert/silence").then().statusCode(400).body("errors[0].field", equalTo("matchers"));

            String hookUrl = sinks.hookUrl();
            made.add(api().contentType(ContentType.JSON).body(Map.of("name", "it-hook", "kind", "webhook", "url", hookUrl)).post(receivers)
                    .then().statusCode(201).extract().path("id").toString());
            made.add(api().contentType(ContentType.JSON).body(Map.of("name", "it-alertmanager", "kind", "alertmanager",
                    "url", LocalPlatform.ALERTMANAGER_URL)).post(receivers).then().statusCode(201).extract().path("id").toString());
            api().contentType(ContentType.JSON).body(Map.of("name", "it-bad-mail", "kind", "email", "url", "http://127.0.0.1/")).post(receivers)
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
            made.add(api().contentType(ContentType.JSON).body(Map.of("name", "it-mail", "kind", "email", "url", "mailto:ops@loligo.test"))
                    .post(receivers).then().statusCode(201).extract().path("id").toString());
            List<String> mailedBefore = sinks.mails();
            for (String receiver : made) {
                api().post(receivers + "/{id}/test", receiver).then().statusCode(200).body("delivered", equalTo(true));
            }
            assertThat(sinks.hooked()).extracting(payload -> payload.path("alerts").path(0).path("labels").path("alertname").asText())
                    .containsExactly("LoligoTestAlert", "LoligoTestAlert");
            List<String> testMails = await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<String> added = new ArrayList<>(sinks.mails());
                added.removeAll(mailedBefore);
                return added;
            }, added -> added.size() == 2);
            assertThat(testMails).anySatisfy(mail -> assertThat(mail).contains("To: ops@loligo.test", "Subject: [FIRING:1] LoligoTestAlert"))
                    .anySatisfy(mail -> assertThat(mail).contains("Subject: [RESOLVED] LoligoTestAlert"));
            sinks.forget();

            silence = api().contentType(ContentType.JSON).body(Map.of("matchers", List.of(Map.of("name", "check", "value", "OSDMAP_FLAGS")),
                    "ends_at", Instant.now().plusSeconds(3600).toString(), "comment", "scrubbing paused by the alerts test"))
                    .post("/api/v3/alert/silence").then().statusCode(201).body("state", equalTo("active")).extract().path("id");
            // an occurrence left by an earlier test's stopped OSD holds the alert's label set open until Loligo sees the
            // OSD up: this test's own begins after it
            await().atMost(Duration.ofSeconds(60)).until(() -> openAlert("CephOsdDown", "osd", "osd.2").isEmpty());
            Instant stopped = Instant.now();
            platform.ceph("osd", "set", "noscrub");
            platform.lab("ceph-daemon", "stop", "osd.2");

            JsonNode down = await().atMost(Duration.ofSeconds(60)).until(() -> firingAlert("CephOsdDown", "osd", "osd.2"), Optional::isPresent).get();
            String since = Instant.parse(down.path("active_since").asText()).toString();
            assertThat(Instant.parse(since)).as("the occurrence this test began").isAfter(stopped);
            JsonNode flags = await().atMost(Duration.ofSeconds(60)).until(() -> firingAlert("CephHealthWarning", "check", "OSDMAP_FLAGS"),
                    Optional::isPresent).get();
            assertThat(flags.path("silenced_by")).extracting(JsonNode::asText).containsExactly(silence);
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.told(down.path("fingerprint").asText(), since, "firing") > 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> AlertSinks.alertmanagerHolds(down.path("fingerprint").asText()));
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.mailed(down.path("fingerprint").asText(), since, "[FIRING:1]") > 0);

            platform.clusterService.stop();
            platform.clusterService.start();
            platform.clusterService.awaitReady(Duration.ofSeconds(60));

            platform.lab("ceph-daemon", "start", "osd.2");
            platform.ceph("osd", "unset", "noscrub");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                    api().get("/api/v3/alert/{id}", down.path("id").asLong()).then().extract().path("state").equals("resolved"));
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.told(down.path("fingerprint").asText(), since, "resolved") > 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> !AlertSinks.alertmanagerHolds(down.path("fingerprint").asText()));
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.mailed(down.path("fingerprint").asText(), since, "[RESOLVED]") > 0);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    api().get("/api/v3/alert/{id}", flags.path("id").asLong()).then().extract().path("state").equals("resolved"));

            // a marker sent after everything else: once the webhook has it, every notification owed before has come
            api().post(receivers + "/{id}/test", made.get(0)).then().statusCode(200).body("delivered", equalTo(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> sinks.hooked().stream().anyMatch(payload -> payload.toString().contains("LoligoTestAlert")));
            assertThat(sinks.told(down.path("fingerprint").asText(), since, "firing")).as("told it fires once, across the restart").isEqualTo(1);
            assertThat(sinks.told(down.path("fingerprint").asText(), since, "resolved")).isEqualTo(1);
            assertThat(sinks.mailed(down.path("fingerprint").asText(), since, "[FIRING:1]")).as("mailed once it fires, across the restart").isEqualTo(1);
            assertThat(sinks.mailed(down.path("fingerprint").asText(), since, "[RESOLVED]")).isEqualTo(1);
            assertThat(sinks.hooked().toString()).as("the silenced check reached no one").doesNotContain("OSDMAP_FLAGS");
            assertThat(sinks.mails()).noneSatisfy(mail -> assertThat(mail).contains("OSDMAP_FLAGS"));
            assertThat(api().get("/api/v3/cluster/{fsid}/event?page_size=1000", fsid).then().statusCode(200).extract().jsonPath()
                    .getList("results.message", String.class)).anySatisfy(message -> assertThat(message).startsWith("Alert CephOsdDown fired"))
                    .anySatisfy(message -> assertThat(message).startsWith("Alert CephOsdDown resolved"));
        } finally {
            platform.startCephDaemons();
            platform.ceph("osd", "unset", "noscrub");
            for (String receiver : made) {
                api().delete(receivers + "/{id}", receiver).then().statusCode(204);
            }
            if (silence != null) {
                api().delete("/api/v3/alert/silence/{id}", silence).then().statusCode(200).body("state", equalTo("expired"));
            }
            sinks.close();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
    }

    /**
     * An operator's threshold rule on a metric series, refused first with each bad field named; then a pool's object
     * count, as the agent reports it from {@code ceph df}, crosses it after {@code rados put}: its alert fires, labelled
     * with the pool, from metrics-service's series; the rule removed, the alert resolves.
     */
    @Test
    @Order(23)
    void a_threshold_rule_on_a_metric_fires_for_the_pool_crossing_it_and_resolves_when_removed() throws Exception {
        String fsid = platform.ceph("fsid");
        String pool = "it-rule";
        String rules = "/api/v3/alert/rule";
        platform.ceph("osd", "pool", "create", pool, "8", "8", "replicated");
        String rule = null;
        try {
            platform.ceph("osd", "pool", "application", "enable", pool, "rados");
            String id = MAPPER.readTree(platform.ceph("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asText();
            Map<String, Object> form = new HashMap<>(Map.of("name", "ItPoolObjects", "measurement", "pool", "field", "objects",
                    "tags", Map.of("fsid", fsid, "pool", id), "aggregate", "max", "window", "30s", "comparison", ">", "threshold", 4,
                    "for", "2s", "description", "Objects landed in the rule test's pool."));
            for (Map.Entry<String, Object> bad : List.<Map.Entry<String, Object>>of(Map.entry("measurement", "nosuch"), Map.entry("field", "nosuch"),
                    Map.entry("name", "CephMine"), Map.entry("window", "1s"), Map.entry("comparison", "=="), Map.entry("tags", Map.of("bucket", "x")))) {
                Map<String, Object> wrong = new HashMap<>(form);
                wrong.put(bad.getKey(), bad.getValue());
                api().contentType(ContentType.JSON).body(wrong).post(rules).then().statusCode(400)
                        .body("errors[0].field", equalTo(bad.getKey().equals("tags") ? "tags.bucket" : bad.getKey()));
            }
            rule = api().contentType(ContentType.JSON).body(form).post(rules).then().statusCode(201)
                    .body("window_seconds", equalTo(30)).body("for_seconds", equalTo(2)).extract().path("id").toString();
            api().contentType(ContentType.JSON).body(form).post(rules).then().statusCode(409).body("errors[0].field", equalTo("name"));
            api().get(rules).then().statusCode(200).body("name", hasItem("ItPoolObjects"));

            for (int object = 0; object < 6; object++) {
                LocalPlatform.run(List.of("rados", "--conf", platform.cephConf.toString(), "-p", pool, "put", "object-" + object, "/etc/hostname"));
            }
            JsonNode fired = await().atMost(Duration.ofSeconds(90)).until(() -> firingAlert("ItPoolObjects", "pool", id), Optional::isPresent).get();
            assertThat(fired.path("labels").path("fsid").asText()).isEqualTo(fsid);
            assertThat(fired.path("severity").asText()).isEqualTo("warning");
            assertThat(fired.path("summary").asText()).startsWith("objects of pool=" + id + " is ").endsWith("(max over 30 s), > 4");
            assertThat(fired.path("description").asText()).isEqualTo("Objects landed in the rule test's pool.");

            api().delete(rules + "/{id}", rule).then().statusCode(204);
            rule = null;
            await().atMost(Duration.ofSeconds(30)).until(() -> "resolved".equals(api().get("/api/v3/alert/{id}", fired.path("id").asLong())
                    .then().statusCode(200).extract().path("state")));
        } finally {
            if (rule != null) {
                api().delete(rules + "/{id}", rule);
            }
            platform.ceph("osd", "pool", "delete", pool, pool, "--yes-i-really-really-mean-it");
        }
    }

    /** The firing alert of that name whose label has that value, as Loligo lists it. */
    private static Optional<JsonNode> firingAlert(String name, String label, String value) throws Exception {
        return alertIn("firing", name, label, value);
    }

    /** The same, pending or firing. */
    private static Optional<JsonNode> openAlert(String name, String label, String value) throws Exception {
        return alertIn("active", name, label, value);
    }

    private static Optional<JsonNode> alertIn(String state, String name, String label, String value) throws Exception {
        return AlertSinks.named(api().get("/api/v3/alert?state={state}&page_size=1000", state).then().statusCode(200).extract().asString(), name,
                label, value);
    }

    /**
     * A pool's size raised from 2 to 3 moves exactly the PGs its preview names, as pg dump shows them before and after
     * (balancer off: its own upmaps would move PGs no preview speaks for); so does cutting osd.1's CRUSH weight through
     * its host bucket's items; a split's preview counts the new PGs; bad input is refused as the change would refuse it,
     * naming the field.
     */
    @Test
    @Order(22)
    void a_pool_size_change_and_a_crush_weight_change_move_the_pgs_their_previews_name_as_pg_dump_shows() throws Exception {
        String fsid = platform.ceph("fsid");
        String pool = "it-preview";
        platform.ceph("balancer", "off");
        platform.ceph("osd", "pool", "create", pool, "8", "8", "replicated");
        ArrayNode hostItems = null;
        int hostId = 0;
        try {
            platform.ceph("osd", "pool", "set", pool, "size", "2");
            platform.ceph("osd", "pool", "application", "enable", pool, "rbd");
            int id = MAPPER.readTree(platform.ceph("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();
            String preview = "/api/v3/cluster/{fsid}/pool/{id}/preview";
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    api().get("/api/v3/cluster/{fsid}/pool/{id}", fsid, id).then().extract().path("size").equals(2));
            api().contentType(ContentType.JSON).body("{\"size\": 0}").post(preview, fsid, id).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
            api().contentType(ContentType.JSON).body("{\"pg_num\": 4}").post(preview, fsid, id).then().statusCode(400)
                    .body("errors[0].field", equalTo("pg_num"));
            api().contentType(ContentType.JSON).body("{\"quota_max_objects\": 10}").post(preview, fsid, id).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));

            JsonNode split = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"pg_num\": 16}").post(preview, fsid, id)
                    .then().statusCode(200).extract().asString());
            assertThat(split.path("pgs").asInt()).as("the PGs once split").isEqualTo(16);
            System.out.printf("pool %s pg_num 8 to 16 previewed in %d ms: %d of %d PGs move%n", pool, split.path("computed_ms").asLong(),
                    split.path("pgs_moving").asInt(), split.path("pgs").asInt());

            // a CRUSH weight cut to a tenth through the host bucket's items, as crushtool's --reweight-item previews it: enough
            // that some of the pool's 8 PGs of 2 copies surely move
            Map<String, Set<Integer>> settled = settledUpSets();
            JsonNode host = null;
            for (JsonNode node : MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/crush_node", fsid).then().statusCode(200).extract().asString())) {
                if (node.path("bucket_type").asText().equals("host") && node.path("items").findValuesAsText("id").contains("1")) {
                    host = node;
                }
            }
            assertThat(host).as("the host bucket holding osd.1").isNotNull();
            String node = "/api/v3/cluster/{fsid}/crush_node/{id}";
            hostItems = (ArrayNode) host.path("items");
            ArrayNode lighter = hostItems.deepCopy();
            for (JsonNode item : lighter) {
                if (item.path("id").asInt() == 1) {
                    ((ObjectNode) item).put("weight", item.path("weight").asDouble() / 10);
                }
            }
            hostId = host.path("id").asInt();
            JsonNode same = MAPPER.createObjectNode().set("items", hostItems);
            api().contentType(ContentType.JSON).body(same.toString()).post(node + "/preview", fsid, hostId).then().statusCode(400)
                    .body("reason", equalTo("NothingChanges"));
            api().contentType(ContentType.JSON).body("\"not a crush map\"").post("/api/v3/cluster/{fsid}/crush_map/preview", fsid)
                    .then().statusCode(400).body("errors[0].field", equalTo("body"));
            String lighterBody = MAPPER.createObjectNode().set("items", lighter).toString();
            JsonNode reweighing = MAPPER.readTree(api().contentType(ContentType.JSON).body(lighterBody).post(node + "/preview", fsid, hostId)
                    .then().statusCode(200).extract().asString());
            System.out.printf("osd.1 CRUSH weight cut to a tenth previewed in %d ms: %d of %d PGs move, %d bytes%n", reweighing.path("computed_ms").asLong(),
                    reweighing.path("pgs_moving").asInt(), reweighing.path("pgs").asInt(), reweighing.path("bytes").asLong());
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body(lighterBody).patch(node, fsid, hostId).then().statusCode(202)
                    .extract().path("request_id"), Duration.ofSeconds(120)).path("state").asText()).isEqualTo("complete");
            assertThat(names(reweighing.path("moving"))).as("the PGs the CRUSH weight's preview said would move")
                    .isNotEmpty().containsExactlyInAnyOrderElementsOf(moved(settled, settledUpSets()));
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body(same.toString()).patch(node, fsid, hostId).then().statusCode(202)
                    .extract().path("request_id"), Duration.ofSeconds(120)).path("state").asText()).isEqualTo("complete");
            hostItems = null;

            Map<String, Set<Integer>> before = settledUpSets();
            JsonNode growing = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"size\": 3}").post(preview, fsid, id)
                    .then().statusCode(200).extract().asString());
            System.out.printf("pool %s size 2 to 3 previewed in %d ms: %d of %d PGs move, %d bytes%n", pool,
                    growing.path("computed_ms").asLong(), growing.path("pgs_moving").asInt(), growing.path("pgs").asInt(), growing.path("bytes").asLong());
            assertThat(growing.path("pgs").asInt()).isEqualTo(8);
            String resized = api().contentType(ContentType.JSON).body("{\"size\": 3}").patch("/api/v3/cluster/{fsid}/pool/{id}", fsid, id)
                    .then().statusCode(202).extract().path("request_id");
            assertThat(awaitEnded(resized, Duration.ofSeconds(120)).path("state").asText()).isEqualTo("complete");
            assertThat(names(growing.path("moving"))).as("the PGs the size preview said would move")
                    .isNotEmpty().containsExactlyInAnyOrderElementsOf(moved(before, settledUpSets()));
        } finally {
            if (hostItems != null) {
                api().contentType(ContentType.JSON).body(MAPPER.createObjectNode().set("items", hostItems).toString())
                        .patch("/api/v3/cluster/{fsid}/crush_node/{id}", fsid, hostId);
            }
            platform.ceph("osd", "pool", "delete", pool, pool, "--yes-i-really-really-mean-it");
            platform.ceph("balancer", "on");
        }
    }

    /**
     * A fourth OSD's whole life through the API, each step checked with the ceph tool: made on a new file-backed device
     * (the lab's disk) with a device class, up and in with its weight; drained until safe-to-destroy; destroyed and its
     * device wiped; replaced with the same id on another device; refused a purge while it holds PGs, then drained and
     * purged, gone from the OSD tree. Bad input is refused first, naming the field.
     */
    @Test
    @Order(21)
    void an_osd_is_created_drained_destroyed_replaced_and_purged_as_the_osd_tree_shows() throws Exception {
        String fsid = platform.ceph("fsid");
        String osdPath = "/api/v3/cluster/{fsid}/osd/{id}/{action}";
        // the balancer's own upmaps would move PGs that no preview of one change speaks for
        platform.ceph("balancer", "off");
        String first = platform.lab("ceph-device", "add", "it-disk-a");
        String second = platform.lab("ceph-device", "add", "it-disk-b");
        Integer made = null;
        try {
            // once the agent has reported the host
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> device(first).path("available").asBoolean());
            api().contentType(ContentType.JSON).body("{}").post("/api/v3/server/{fqdn}/osd", fqdn).then().statusCode(400)
                    .body("errors[0].field", equalTo("device"));
            api().contentType(ContentType.JSON).body("{\"device\": \"/dev/none\"}").post("/api/v3/server/{fqdn}/osd", fqdn).then()
                    .statusCode(404).body("reason", equalTo("DeviceNotFound"));
            api().contentType(ContentType.JSON).body("{\"device\": \"" + first + "\", \"device_class\": \"no class\"}")
                    .post("/api/v3/server/{fqdn}/osd", fqdn).then().statusCode(400).body("errors[0].field", equalTo("device_class"));
            api().contentType(ContentType.JSON).body("{\"device\": \"" + first + "\", \"osd_id\": 1}")
                    .post("/api/v3/server/{fqdn}/osd", fqdn).then().statusCode(409).body("reason", equalTo("OsdNotDestroyed"));

            long started = System.nanoTime();
            JsonNode created = awaitEnded(api().contentType(ContentType.JSON).body("{\"device\": \"" + first + "\", \"device_class\": \"ssd\"}")
                    .post("/api/v3/server/{fqdn}/osd", fqdn).then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(300));
            assertThat(created.path("state").asText()).as(created.toString()).isEqualTo("complete");
            System.out.printf("an OSD created on a new device through the API, up and in, in %.1f s%n", (System.nanoTime() - started) / 1e9);
            JsonNode osd = osdTreeNodes().stream().filter(node -> "ssd".equals(node.path("device_class").asText())).findFirst().orElseThrow();
            made = osd.path("id").asInt();
            assertThat(osd.path("status").asText()).isEqualTo("up");
            assertThat(osd.path("reweight").asDouble()).isEqualTo(1.0);
            assertThat(osd.path("crush_weight").asDouble()).isGreaterThan(0.009);
            int id = made;
            await().atMost(Duration.ofSeconds(30)).until(() -> device(first).path("osds").toString().equals("[" + id + "]"));
            assertThat(device(first).path("available").asBoolean()).isFalse();

            // what a reweight will move, predicted with crushtool, is what it then moves, PG for PG
            Map<String, Set<Integer>> settled = settledUpSets();
            JsonNode reweighting = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"reweight\": 0.5}")
                    .post(osdPath, fsid, id, "preview").then().statusCode(200).extract().asString());
            System.out.printf("osd.%d reweight to 0.5 previewed in %d ms: %d of %d PGs move, %d bytes%n", id,
                    reweighting.path("computed_ms").asLong(), reweighting.path("pgs_moving").asInt(), reweighting.path("pgs").asInt(),
                    reweighting.path("bytes").asLong());
            String reweighted = api().contentType(ContentType.JSON).body("{\"reweight\": 0.5}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, id)
                    .then().statusCode(202).extract().path("request_id");
            assertThat(awaitEnded(reweighted, Duration.ofSeconds(120)).path("state").asText()).isEqualTo("complete");
            Map<String, Set<Integer>> before = settledUpSets();
            assertThat(names(reweighting.path("moving"))).as("the PGs the reweight's preview said would move")
                    .containsExactlyInAnyOrderElementsOf(moved(settled, before));

            // what marking it out will move, predicted with osdmaptool, is what the drain then moves, PG for PG
            JsonNode preview = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"in\": false}").post(osdPath, fsid, id, "preview")
                    .then().statusCode(200).extract().asString());
            System.out.printf("osd.%d out previewed in %d ms: %d of %d PGs move, %d bytes%n", id, preview.path("computed_ms").asLong(),
                    preview.path("pgs_moving").asInt(), preview.path("pgs").asInt(), preview.path("bytes").asLong());
            assertThat(preview.path("pgs_moving").asInt()).isPositive();
            assertThat(preview.path("osds").toString()).contains("{\"osd\":" + id + ",\"gains\":0,\"loses\":" + preview.path("pgs_moving").asInt() + "}");
            api().contentType(ContentType.JSON).body("{\"reweight\": 1.5}").post(osdPath, fsid, id, "preview").then().statusCode(400)
                    .body("errors[0].field", equalTo("reweight"));

            started = System.nanoTime();
            JsonNode drained = awaitEnded(api().post(osdPath, fsid, id, "drain").then().statusCode(202).extract().path("request_id"),
                    Duration.ofSeconds(300));
            assertThat(drained.path("state").asText()).as(drained.toString()).isEqualTo("complete");
            System.out.printf("osd.%d drained through the API until safe-to-destroy in %.1f s%n", id, (System.nanoTime() - started) / 1e9);
            assertThat(platform.cephExitCode("osd", "safe-to-destroy", String.valueOf(id))).isZero();
            assertThat(names(preview.path("moving"))).as("the PGs the out preview said would move")
                    .containsExactlyInAnyOrderElementsOf(moved(before, settledUpSets()));

            api().contentType(ContentType.JSON).body("{}").post(osdPath, fsid, id, "destroy").then().statusCode(400)
                    .body("errors[0].field", equalTo("confirm"));
            started = System.nanoTime();
            JsonNode destroyed = awaitEnded(api().contentType(ContentType.JSON).body("{\"confirm\": \"osd." + id + "\"}")
                    .post(osdPath, fsid, id, "destroy").then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(180));
            assertThat(destroyed.path("state").asText()).as(destroyed.toString()).isEqualTo("complete");
            System.out.printf("osd.%d destroyed through the API in %.1f s%n", id, (System.nanoTime() - started) / 1e9);
            assertThat(osdTreeNode(id).path("status").asText()).isEqualTo("destroyed");
            await().atMost(Duration.ofSeconds(30)).until(() -> device(first).path("available").asBoolean());

            started = System.nanoTime();
            JsonNode replaced = awaitEnded(api().contentType(ContentType.JSON).body("{\"device\": \"" + second + "\", \"osd_id\": " + id + "}")
                    .post("/api/v3/server/{fqdn}/osd", fqdn).then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(300));
            assertThat(replaced.path("state").asText()).as(replaced.toString()).isEqualTo("complete");
            System.out.printf("osd.%d replaced on a new device through the API in %.1f s%n", id, (System.nanoTime() - started) / 1e9);
            assertThat(osdTreeNode(id).path("status").asText()).isEqualTo("up");
            await().atMost(Duration.ofSeconds(30)).until(() -> device(second).path("osds").toString().equals("[" + id + "]"));

            // back in, it holds PGs again: Ceph says no, in its words
            await().atMost(Duration.ofSeconds(60)).until(() -> platform.cephExitCode("osd", "safe-to-destroy", String.valueOf(id)) != 0);
            api().contentType(ContentType.JSON).body("{\"confirm\": \"osd." + id + "\"}").post(osdPath, fsid, id, "purge").then()
                    .statusCode(409).body("reason", equalTo("NotSafeToDestroy")).body("detail", org.hamcrest.Matchers.containsString("osd." + id));
            assertThat(awaitEnded(api().post(osdPath, fsid, id, "drain").then().statusCode(202).extract().path("request_id"),
                    Duration.ofSeconds(300)).path("state").asText()).isEqualTo("complete");
            started = System.nanoTime();
            JsonNode purged = awaitEnded(api().contentType(ContentType.JSON).body("{\"confirm\": \"osd." + id + "\"}")
                    .post(osdPath, fsid, id, "purge").then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(180));
            assertThat(purged.path("state").asText()).as(purged.toString()).isEqualTo("complete");
            System.out.printf("osd.%d purged through the API in %.1f s%n", id, (System.nanoTime() - started) / 1e9);
            assertThat(osdTreeNodes()).noneMatch(node -> node.path("id").asInt() == id);
            made = null;
        } finally {
            if (made != null) {
                platform.lab("ceph-daemon", "stop", "osd." + made);
                platform.ceph("osd", "purge", String.valueOf(made), "--yes-i-really-mean-it");
                platform.lab("ceph-osd", "zap", String.valueOf(made));
            }
            platform.lab("ceph-device", "remove", "it-disk-a");
            platform.lab("ceph-device", "remove", "it-disk-b");
            platform.ceph("balancer", "on");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
    }

    /**
     * The lab's one host into maintenance and back: refused while Ceph says its OSDs should not stop together, then
     * entered with the override (noout on its CRUSH host, its OSDs, MDS and RGW stopped, as the ceph tool and the
     * lab's process list show) and left until the cluster is HEALTH_OK again with the flag cleared.
     */
    @Test
    @Order(22)
    void a_host_enters_maintenance_with_noout_on_its_bucket_and_leaves_it_healthy() throws Exception {
        String maintenance = "/api/v3/server/{fqdn}/maintenance";
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> server().path("services").findValuesAsText("id").contains("2"));
        try {
            api().contentType(ContentType.JSON).body("{\"action\": \"pause\"}").post(maintenance, fqdn).then().statusCode(400)
                    .body("errors[0].field", equalTo("action"));
            api().contentType(ContentType.JSON).body("{\"action\": \"enter\"}").post(maintenance, fqdn).then().statusCode(409)
                    .body("reason", equalTo("NotOkToStop")).body("detail", org.hamcrest.Matchers.containsString("PGs"));

            long started = System.nanoTime();
            JsonNode entered = awaitEnded(api().contentType(ContentType.JSON).body("{\"action\": \"enter\", \"override\": \"" + fqdn + "\"}")
                    .post(maintenance, fqdn).then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(300));
            assertThat(entered.path("state").asText()).as(entered.toString()).isEqualTo("complete");
            System.out.printf("the host entered maintenance through the API in %.1f s%n", (System.nanoTime() - started) / 1e9);
            JsonNode osdDump = MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json"));
            assertThat(osdDump.path("crush_node_flags").toString()).contains("noout");
            for (int id = 0; id < 3; id++) {
                assertThat(osdUp(id)).as("osd." + id).isFalse();
            }
            assertThat(platform.labExitCode("ceph-daemon", "status", "mds.a")).isNotZero();
            assertThat(platform.labExitCode("ceph-daemon", "status", "client.rgw.a")).isNotZero();

            started = System.nanoTime();
            JsonNode exited = awaitEnded(api().contentType(ContentType.JSON).body("{\"action\": \"exit\"}")
                    .post(maintenance, fqdn).then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(300));
            assertThat(exited.path("state").asText()).as(exited.toString()).isEqualTo("complete");
            await().atMost(Duration.ofSeconds(180)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
            System.out.printf("the host left maintenance through the API, back to HEALTH_OK, in %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("crush_node_flags").toString()).doesNotContain("noout");
        } finally {
            platform.startCephDaemons();
            platform.ceph("osd", "unset-group", "noout", platform.ceph("osd", "crush", "ls", "default").lines().findFirst().orElse("none"));
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> platform.ceph("health").startsWith("HEALTH_OK"));
    }

    /**
     * The PGs' up sets once the cluster is HEALTH_OK and the mgr's PG statistics, which lag the OSD map by seconds,
     * read the same twice 5 s apart.
     */
    private static Map<String, Set<Integer>> settledUpSets() {
        AtomicReference<Map<String, Set<Integer>>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            Map<String, Set<Integer>> now = upSets();
            return platform.ceph("health").startsWith("HEALTH_OK") && now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    /** The PGs whose up set differs between two readings of {@link #upSets()}. */
    private static List<String> moved(Map<String, Set<Integer>> before, Map<String, Set<Integer>> after) {
        return before.keySet().stream().filter(pg -> !before.get(pg).equals(after.get(pg))).sorted().toList();
    }

    /** Each PG's up set as the mgr's PG statistics show it ({@code pg dump pgs_brief}). */
    private static Map<String, Set<Integer>> upSets() throws Exception {
        JsonNode dump = MAPPER.readTree(platform.ceph("pg", "dump", "pgs_brief", "--format", "json"));
        Map<String, Set<Integer>> sets = new HashMap<>();
        for (JsonNode pg : dump.has("pg_stats") ? dump.path("pg_stats") : dump) {
            Set<Integer> up = new TreeSet<>();
            pg.path("up").forEach(osd -> up.add(osd.asInt()));
            sets.put(pg.path("pgid").asText(), up);
        }
        return sets;
    }

    private JsonNode device(String path) {
        for (JsonNode device : MAPPER.valueToTree(api().get("/api/v3/server/{fqdn}/device", fqdn).then().statusCode(200).extract()
                .jsonPath().getList("devices"))) {
            if (device.path("path").asText().equals(path)) {
                return device;
            }
        }
        return MAPPER.createObjectNode();
    }

    private static List<JsonNode> osdTreeNodes() throws Exception {
        List<JsonNode> osds = new ArrayList<>();
        MAPPER.readTree(platform.ceph("osd", "tree", "--format", "json")).path("nodes").forEach(node -> {
            if ("osd".equals(node.path("type").asText())) {
                osds.add(node);
            }
        });
        return osds;
    }

    private static JsonNode osdTreeNode(int id) throws Exception {
        return osdTreeNodes().stream().filter(node -> node.path("id").asInt() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no osd." + id + " in the OSD tree"));
    }

    private static boolean osdUp(int id) throws Exception {
        for (JsonNode osd : MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("osds")) {
            if (osd.path("osd").asInt() == id) {
                return osd.path("up").asInt() == 1;
            }
        }
        throw new AssertionError("no osd." + id + " in the OSD map");
    }

    /**
     * A file system's clients as its MDS lists them (a libcephfs client held mounted by a Python process), and one
     * evicted: its session gone from the MDS and its address blocklisted, as the ceph tool shows.
     */
    @Test
    @Order(19)
    void a_file_system_client_is_listed_and_evicted_as_the_mds_shows() throws Exception {
        String fsid = platform.ceph("fsid");
        String clients = "/api/v3/cluster/{fsid}/fs/{fs}/client";
        Process client = new ProcessBuilder("/usr/bin/python3", "-c", """
                import cephfs, sys, time
                fs = cephfs.LibCephFS(conffile=sys.argv[1])
                fs.mount(filesystem_name=b'cephfs')
                print('mounted', flush=True)
                time.sleep(600)
                """, platform.cephConf.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(client.getInputStream().readNBytes("mounted".length()))).isEqualTo("mounted");
            // the mgr's volumes module holds sessions of its own: ours is the one of the Python process
            JsonNode session = null;
            for (JsonNode candidate : MAPPER.readTree(platform.ceph("daemon", "mds.a", "session", "ls"))) {
                if (candidate.path("client_metadata").path("pid").asLong() == client.pid()) {
                    session = candidate;
                }
            }
            assertThat(session).as("the MDS's session of process " + client.pid()).isNotNull();
            // small in a lab: rest-assured reads it as an int
            int id = session.path("id").asInt();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api().get(clients, fsid, "cephfs").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.hasItem(id)));
            JsonNode listed = MAPPER.readTree(api().get(clients, fsid, "cephfs").then().extract().asString());
            JsonNode shown = null;
            for (JsonNode candidate : listed) {
                if (candidate.path("id").asInt() == id) {
                    shown = candidate;
                }
            }
            assertThat(shown).isNotNull();
            assertThat(shown.path("mds").asText()).isEqualTo("a");
            assertThat(shown.path("mount_root").asText()).isEqualTo("/");
            assertThat(shown.path("user").asText()).isEqualTo("admin");
            assertThat(shown.path("entity").asText()).isEqualTo(session.path("inst").asText());

            api().delete(clients + "/{id}", fsid, "cephfs", "client.x").then().statusCode(400).body("errors[0].field", equalTo("id"));
            api().delete(clients + "/{id}", fsid, "cephfs", "987654321").then().statusCode(404).body("reason", equalTo("ClientNotFound"));
            api().delete(clients + "/{id}", fsid, "cephfs", id).then().statusCode(204);
            assertThat(MAPPER.readTree(platform.ceph("daemon", "mds.a", "session", "ls")).findValuesAsText("id")).doesNotContain(String.valueOf(id));
            assertThat(platform.ceph("osd", "blocklist", "ls")).contains(session.path("inst").asText().split(" ")[1]);
            api().get(clients, fsid, "cephfs").then().statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        } finally {
            client.destroyForcibly();
        }
    }

    /**
     * A subvolume group and a subvolume with a quota, made, resized, snapshotted and removed through requests to the
     * mgr's volumes module, each step checked with the ceph tool; bad input refused with the fields named.
     */
    @Test
    @Order(19)
    void a_subvolume_with_a_quota_is_created_resized_snapshotted_and_removed_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String group = "loligo-it-group-" + suffix;
        String name = "loligo-it-" + suffix;
        String volume = "/api/v3/cluster/{fsid}/fs/{fs}";
        String subvolume = volume + "/subvolume/{name}?group={group}";
        // read through an agent: once one reports the cluster
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(volume + "/subvolume_group", fsid, "cephfs").statusCode() == 200);
        try {
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + group + "\", \"mode\": \"750\"}")
                    .post(volume + "/subvolume_group", fsid, "cephfs").then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "subvolumegroup", "ls", "cephfs", "--format", "json")).findValuesAsText("name"))
                    .contains(group);
            api().get(volume + "/subvolume_group", fsid, "cephfs").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem(group));

            api().contentType(ContentType.JSON).body("{\"name\": \"a/b\", \"size\": -1, \"mode\": \"999\", \"data_pool\": \"nope\"}")
                    .post(volume + "/subvolume", fsid, "cephfs").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("name", "size", "mode", "data_pool"));
            api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"group\": \"no-such-group\"}")
                    .post(volume + "/subvolume", fsid, "cephfs").then().statusCode(400).body("errors[0].field", equalTo("group"));
            api().contentType(ContentType.JSON).body("{\"name\": \"x\"}").post(volume + "/subvolume", fsid, "nofs").then().statusCode(404)
                    .body("reason", equalTo("FileSystemNotFound"));

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"group\": \"" + group
                    + "\", \"size\": 1073741824, \"mode\": \"755\", \"data_pool\": \"cephfs.cephfs.data\"}")
                    .post(volume + "/subvolume", fsid, "cephfs").then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            String path = platform.ceph("fs", "subvolume", "getpath", "cephfs", name, "--group_name", group);
            JsonNode info = MAPPER.readTree(platform.ceph("fs", "subvolume", "info", "cephfs", name, "--group_name", group, "--format", "json"));
            assertThat(info.path("bytes_quota").asLong()).isEqualTo(1L << 30);
            JsonNode shown = MAPPER.readTree(api().get(subvolume, fsid, "cephfs", name, group).then().statusCode(200).extract().asString());
            assertThat(shown.path("path").asText()).isEqualTo(path).startsWith("/volumes/" + group + "/" + name + "/");
            assertThat(shown.path("bytes_quota").asLong()).isEqualTo(1L << 30);
            assertThat(shown.path("mode").asText()).isEqualTo("755");
            assertThat(shown.path("data_pool").asText()).isEqualTo("cephfs.cephfs.data");
            assertThat(shown.path("group").asText()).isEqualTo(group);
            api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"group\": \"" + group + "\"}")
                    .post(volume + "/subvolume", fsid, "cephfs").then().statusCode(409).body("reason", equalTo("SubvolumeExists"))
                    .body("errors[0].field", equalTo("name"));
            // one made beside Loligo a moment ago is taken too: the volumes module would answer its create as done
            api().get(volume + "/subvolume", fsid, "cephfs").then().statusCode(200);
            platform.ceph("fs", "subvolume", "create", "cephfs", name + "-beside");
            try {
                api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "-beside\"}").post(volume + "/subvolume", fsid, "cephfs")
                        .then().statusCode(409).body("reason", equalTo("SubvolumeExists"));
            } finally {
                platform.ceph("fs", "subvolume", "rm", "cephfs", name + "-beside");
            }

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"size\": 2147483648}").patch(subvolume, fsid, "cephfs", name, group)
                    .then().statusCode(202).extract().path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "subvolume", "info", "cephfs", name, "--group_name", group, "--format", "json"))
                    .path("bytes_quota").asLong()).isEqualTo(2L << 30);
            api().contentType(ContentType.JSON).body("{\"size\": 2147483648}").patch(subvolume, fsid, "cephfs", name, group).then().statusCode(304);
            api().contentType(ContentType.JSON).body("{\"size\": -5}").patch(subvolume, fsid, "cephfs", name, group).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"first\"}")
                    .post(volume + "/subvolume/{name}/snapshot?group={group}", fsid, "cephfs", name, group).then().statusCode(202).extract()
                    .path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "subvolume", "snapshot", "ls", "cephfs", name, "--group_name", group, "--format", "json"))
                    .findValuesAsText("name")).containsExactly("first");
            api().get(subvolume, fsid, "cephfs", name, group).then().body("snapshots", org.hamcrest.Matchers.contains("first"));
            api().get(volume + "/subvolume?group={group}&search={search}&ordering=-bytes_quota", fsid, "cephfs", group, suffix).then()
                    .statusCode(200).body("count", equalTo(1)).body("results[0].name", equalTo(name));
            api().get(volume + "/subvolume?ordering=size", fsid, "cephfs").then().statusCode(400).body("errors[0].field", equalTo("ordering"));

            // a clone of the snapshot, outside the group: a request that ends once the volumes module copied it
            String clone = name + "-clone";
            String snapshot = volume + "/subvolume/{name}/snapshot/{snapshot}/clone?group={group}";
            api().contentType(ContentType.JSON).body("{\"name\": \"" + clone + "\"}").post(snapshot, fsid, "cephfs", name, "none", group).then()
                    .statusCode(404).body("reason", equalTo("SnapshotNotFound"));
            api().contentType(ContentType.JSON).body("{\"name\": \"a/b\", \"group\": \"no-such-group\", \"size\": 5}")
                    .post(snapshot, fsid, "cephfs", name, "first", group).then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.contains("name", "group", "size"));
            api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"group\": \"" + group + "\"}")
                    .post(snapshot, fsid, "cephfs", name, "first", group).then().statusCode(409).body("errors[0].field", equalTo("name"));
            JsonNode cloned = awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + clone + "\"}")
                    .post(snapshot, fsid, "cephfs", name, "first", group).then().statusCode(202).extract().path("request_id"));
            assertThat(cloned.path("state").asText()).as(cloned.toString()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "clone", "status", "cephfs", clone, "--format", "json")).path("status").path("state")
                    .asText()).isEqualTo("complete");
            JsonNode cloneInfo = MAPPER.readTree(platform.ceph("fs", "subvolume", "info", "cephfs", clone, "--format", "json"));
            assertThat(cloneInfo.path("type").asText()).isEqualTo("clone");
            api().get(volume + "/subvolume/{name}", fsid, "cephfs", clone).then().statusCode(200).body("state", equalTo("complete"))
                    .body("path", equalTo(cloneInfo.path("path").asText()));
            assertThat(awaitEnded(api().delete(volume + "/subvolume/{name}", fsid, "cephfs", clone).then().statusCode(202).extract()
                    .path("request_id")).path("state").asText()).isEqualTo("complete");
            api().delete(volume + "/subvolume_group/{group}", fsid, "cephfs", group).then().statusCode(409)
                    .body("reason", equalTo("SubvolumeGroupNotEmpty"));

            assertThat(awaitEnded(api().delete(subvolume, fsid, "cephfs", name, group).then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "subvolume", "ls", "cephfs", "--group_name", group, "--format", "json"))).isEmpty();
            api().get(subvolume, fsid, "cephfs", name, group).then().statusCode(404).body("reason", equalTo("SubvolumeNotFound"));
            assertThat(awaitEnded(api().delete(volume + "/subvolume_group/{group}", fsid, "cephfs", group).then().statusCode(202).extract()
                    .path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.ceph("fs", "subvolumegroup", "ls", "cephfs", "--format", "json")).findValuesAsText("name"))
                    .doesNotContain(group);
        } finally {
            if (MAPPER.readTree(platform.ceph("fs", "subvolume", "ls", "cephfs", "--format", "json")).findValuesAsText("name").contains(name + "-clone")) {
                platform.ceph("fs", "subvolume", "rm", "cephfs", name + "-clone");
            }
            if (MAPPER.readTree(platform.ceph("fs", "subvolumegroup", "ls", "cephfs", "--format", "json")).findValuesAsText("name").contains(group)) {
                for (JsonNode left : MAPPER.readTree(platform.ceph("fs", "subvolume", "ls", "cephfs", "--group_name", group, "--format", "json"))) {
                    for (JsonNode snapshot : MAPPER.readTree(platform.ceph("fs", "subvolume", "snapshot", "ls", "cephfs", left.path("name").asText(),
                            "--group_name", group, "--format", "json"))) {
                        platform.ceph("fs", "subvolume", "snapshot", "rm", "cephfs", left.path("name").asText(), snapshot.path("name").asText(),
                                "--group_name", group);
                    }
                    platform.ceph("fs", "subvolume", "rm", "cephfs", left.path("name").asText(), "--group_name", group);
                }
                platform.ceph("fs", "subvolumegroup", "rm", "cephfs", group);
            }
        }
    }

    /**
     * An RGW user made through the API, with keys, a subuser and quotas, fills a bucket through S3 (s3cmd) whose usage
     * the API then shows; the bucket changes owner, gets a quota and goes with its objects, and the user goes too. Each
     * step checked with radosgw-admin; bad input refused with the fields named.
     */
    @Test
    @Order(19)
    void an_rgw_user_and_bucket_are_managed_through_the_admin_ops_api_as_radosgw_admin_shows() throws Exception {
        String fsid = platform.ceph("fsid");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String uid = "loligo-it-" + suffix;
        String heir = "loligo-it-heir-" + suffix;
        String bucket = "loligo-it-" + suffix;
        String users = "/api/v3/cluster/{fsid}/rgw/user";
        String user = users + "/{uid}";
        // once an agent reports the cluster
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get(users, fsid).statusCode() == 200);
        try {
            api().get(users, fsid).then().statusCode(200).body("results.user_id", org.hamcrest.Matchers.hasItem("loligo-admin"));
            api().contentType(ContentType.JSON).body("{\"user_id\": \"a/b\", \"display_name\": \" \", \"max_buckets\": -5}")
                    .post(users, fsid).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.contains("user_id", "display_name", "max_buckets"));

            JsonNode created = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"user_id\": \"" + uid
                    + "\", \"display_name\": \"IT user\", \"email\": \"" + uid + "@example.com\", \"max_buckets\": 5}")
                    .post(users, fsid).then().statusCode(200).extract().asString());
            JsonNode info = MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid));
            assertThat(info.path("display_name").asText()).isEqualTo("IT user");
            assertThat(info.path("email").asText()).isEqualTo(uid + "@example.com");
            assertThat(info.path("max_buckets").asInt()).isEqualTo(5);
            String accessKey = created.path("key").path("access_key").asText();
            String secretKey = created.path("key").path("secret_key").asText();
            assertThat(info.path("keys").findValuesAsText("secret_key")).containsExactly(secretKey);
            api().contentType(ContentType.JSON).body("{\"user_id\": \"" + uid + "\", \"display_name\": \"again\"}").post(users, fsid)
                    .then().statusCode(409).body("reason", equalTo("UserExists")).body("errors[0].field", equalTo("user_id"));
            api().get(user, fsid, uid).then().statusCode(200).body("keys.access_key", org.hamcrest.Matchers.contains(accessKey))
                    .body("keys[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret_key")));
            api().get(user, fsid, "no-such-user-" + suffix).then().statusCode(404).body("reason", equalTo("RgwUserNotFound"));

            String second = api().post(user + "/key", fsid, uid).then().statusCode(200).extract().path("access_key");
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("keys").findValuesAsText("access_key"))
                    .containsExactlyInAnyOrder(accessKey, second);
            api().delete(user + "/key/{key}", fsid, uid, second).then().statusCode(204);
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("keys").findValuesAsText("access_key"))
                    .containsExactly(accessKey);
            api().delete(user + "/key/{key}", fsid, uid, second).then().statusCode(404).body("reason", equalTo("KeyNotFound"));

            api().contentType(ContentType.JSON).body("{\"name\": \"x:y\", \"permissions\": \"all\"}").post(user + "/subuser", fsid, uid)
                    .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("name", "permissions"));
            api().contentType(ContentType.JSON).body("{\"name\": \"swift\", \"permissions\": \"readwrite\"}").post(user + "/subuser", fsid, uid)
                    .then().statusCode(200).body("subusers.id", org.hamcrest.Matchers.contains(uid + ":swift"));
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("subusers").path(0).path("permissions").asText())
                    .isEqualTo("read-write");
            api().delete(user + "/subuser/{name}", fsid, uid, "swift").then().statusCode(204);
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("subusers")).isEmpty();

            api().contentType(ContentType.JSON).body("{\"max_size\": 1073741824, \"max_objects\": 1000}").put(user + "/quota/{scope}", fsid, uid, "user")
                    .then().statusCode(200).body("user_quota.enabled", equalTo(true)).body("user_quota.max_objects", equalTo(1000));
            JsonNode userQuota = MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("user_quota");
            assertThat(userQuota.path("enabled").asBoolean()).isTrue();
            assertThat(userQuota.path("max_size").asLong()).isEqualTo(1L << 30);
            assertThat(userQuota.path("max_objects").asLong()).isEqualTo(1000);

            api().contentType(ContentType.JSON).body("{\"suspended\": true}").patch(user, fsid, uid).then().statusCode(200)
                    .body("suspended", equalTo(true));
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "info", "--uid", uid)).path("suspended").asInt()).isEqualTo(1);
            api().contentType(ContentType.JSON).body("{\"suspended\": false}").patch(user, fsid, uid).then().statusCode(200)
                    .body("suspended", equalTo(false));

            platform.s3(accessKey, secretKey, "mb", "s3://" + bucket);
            Path object = Files.createTempFile("loligo-it", ".bin");
            Files.write(object, new byte[300_000]);
            for (int i = 0; i < 3; i++) {
                platform.s3(accessKey, secretKey, "put", object.toString(), "s3://" + bucket + "/object-" + i);
            }
            Files.delete(object);
            JsonNode stats = MAPPER.readTree(platform.radosgwAdmin("bucket", "stats", "--bucket", bucket));
            String bucketPath = "/api/v3/cluster/{fsid}/rgw/bucket/{bucket}";
            api().get(bucketPath, fsid, bucket).then().statusCode(200).body("owner", equalTo(uid)).body("objects", equalTo(3))
                    .body("size_bytes", equalTo(stats.path("usage").path("rgw.main").path("size").intValue())).body("size_bytes", equalTo(900_000));
            // the listing is kept for seconds: a bucket made beside Loligo shows within them
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> api().get("/api/v3/cluster/{fsid}/rgw/bucket?owner={uid}", fsid, uid)
                    .then().statusCode(200).body("count", equalTo(1)).body("results[0].objects", equalTo(3)));
            api().get(user, fsid, uid).then().body("bucket_count", equalTo(1)).body("size_bytes", equalTo(900_000));

            api().contentType(ContentType.JSON).body("{\"max_objects\": 25, \"max_size\": 4194304}").put(bucketPath + "/quota", fsid, bucket)
                    .then().statusCode(200).body("quota.max_objects", equalTo(25));
            JsonNode bucketQuota = MAPPER.readTree(platform.radosgwAdmin("bucket", "stats", "--bucket", bucket)).path("bucket_quota");
            assertThat(bucketQuota.path("max_objects").asLong()).isEqualTo(25);
            assertThat(bucketQuota.path("max_size").asLong()).isEqualTo(4L << 20);

            api().contentType(ContentType.JSON).body("{\"user_id\": \"" + heir + "\", \"display_name\": \"heir\"}").post(users, fsid)
                    .then().statusCode(200);
            api().contentType(ContentType.JSON).body("{\"owner\": \"nobody-" + suffix + "\"}").patch(bucketPath, fsid, bucket)
                    .then().statusCode(400).body("errors[0].field", equalTo("owner"));
            api().contentType(ContentType.JSON).body("{\"owner\": \"" + heir + "\"}").patch(bucketPath, fsid, bucket)
                    .then().statusCode(200).body("owner", equalTo(heir));
            assertThat(MAPPER.readTree(platform.radosgwAdmin("bucket", "stats", "--bucket", bucket)).path("owner").asText()).isEqualTo(heir);

            api().delete(user, fsid, heir).then().statusCode(409).body("reason", equalTo("UserHasBuckets"));
            api().delete(bucketPath, fsid, bucket).then().statusCode(409).body("reason", equalTo("BucketNotEmpty"));
            api().delete(bucketPath + "?purge_objects=maybe", fsid, bucket).then().statusCode(400).body("errors[0].field", equalTo("purge_objects"));
            api().delete(bucketPath + "?purge_objects=true", fsid, bucket).then().statusCode(204);
            assertThat(platform.radosgwAdmin("bucket", "list")).doesNotContain(bucket);
            api().get(bucketPath, fsid, bucket).then().statusCode(404).body("reason", equalTo("BucketNotFound"));

            api().delete(user, fsid, uid).then().statusCode(204);
            api().delete(user, fsid, heir).then().statusCode(204);
            assertThat(MAPPER.readTree(platform.radosgwAdmin("user", "list")).toString()).doesNotContain(uid);
            api().get(users, fsid).then().statusCode(200).body("results.user_id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(uid)));
        } finally {
            for (String left : List.of(uid, heir)) {
                if (platform.radosgwAdmin("user", "list").contains("\"" + left + "\"")) {
                    platform.radosgwAdmin("user", "rm", "--uid", left, "--purge-data");
                }
            }
        }
    }

    /** A pool's RBD images, read live through the agent's librbd, as the rbd tool shows them; paged, searched, sorted. */
    @Test
    @Order(19)
    void the_images_of_an_rbd_pool_are_listed_as_the_rbd_tool_shows_them() throws Exception {
        String fsid = platform.ceph("fsid");
        int rbdPool = cliPool("rbd").path("pool_id").asInt();
        String name = "loligo-it-" + UUID.randomUUID().toString().substring(0, 8);
        platform.rbd("create", "--size", "256M", "rbd/" + name);
        try {
            platform.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-total", "8M", "--io-pattern", "seq", "rbd/" + name);
            // what the image holds, before snapshots make rbd du count each one apart from the head
            long used = MAPPER.readTree(platform.rbd("du", "rbd/" + name, "--format", "json")).path("images").path(0).path("used_size").asLong();
            platform.rbd("snap", "create", "rbd/" + name + "@one");
            platform.rbd("snap", "create", "rbd/" + name + "@two");
            JsonNode info = MAPPER.readTree(platform.rbd("info", "rbd/" + name, "--format", "json"));

            // made beside Loligo, so shown once the pool's listing is read again, within seconds
            AtomicReference<JsonNode> listed = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode page = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{pool}/image?search={search}", fsid, rbdPool, name)
                        .then().statusCode(200).extract().asString());
                assertThat(page.path("count").asInt()).isEqualTo(1);
                assertThat(page.path("results").path(0).path("snapshot_count").asInt()).isEqualTo(2);
                listed.set(page.path("results").path(0));
            });
            JsonNode image = listed.get();
            assertThat(image.path("name").asText()).isEqualTo(name);
            assertThat(image.path("pool").asText()).isEqualTo("rbd");
            assertThat(image.path("id").asText()).isEqualTo(info.path("id").asText());
            assertThat(image.path("size").asLong()).isEqualTo(256L << 20).isEqualTo(info.path("size").asLong());
            assertThat(image.path("object_size").asLong()).isEqualTo(info.path("object_size").asLong());
            assertThat(MAPPER.convertValue(image.path("features"), List.class))
                    .containsExactlyInAnyOrderElementsOf(MAPPER.convertValue(info.path("features"), List.class));
            assertThat(image.path("snapshot_count").asInt()).isEqualTo(2);
            assertThat(image.path("used_bytes").asLong()).isEqualTo(used).isEqualTo(8L << 20);
            api().get("/api/v3/cluster/{fsid}/pool/{pool}/image/{name}", fsid, rbdPool, name).then().statusCode(200)
                    .body("id", equalTo(info.path("id").asText())).body("snapshot_count", equalTo(2));

            JsonNode all = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{pool}/image?ordering=-size&page_size=1", fsid, rbdPool)
                    .then().statusCode(200).extract().asString());
            assertThat(all.path("count").asInt()).isEqualTo(MAPPER.readTree(platform.rbd("ls", "rbd", "--format", "json")).size());
            assertThat(all.path("results").path(0).path("name").asText()).as("the largest first").isEqualTo("lab-disk");
            assertThat(all.path("next").asText()).isEqualTo("?ordering=-size&page=2&page_size=1");

            api().get("/api/v3/cluster/{fsid}/pool/{pool}/image/{name}", fsid, rbdPool, "no-such-image").then().statusCode(404)
                    .body("reason", equalTo("ImageNotFound")).body("detail", org.hamcrest.Matchers.containsString("lab-disk"));
            api().get("/api/v3/cluster/{fsid}/pool/{pool}/image?ordering=colour&page=0", fsid, rbdPool).then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.contains("ordering", "page"));
            api().get("/api/v3/cluster/{fsid}/pool/{pool}/image", fsid, 9999).then().statusCode(404);
        } finally {
            platform.rbd("snap", "purge", "rbd/" + name);
            platform.rbd("rm", "rbd/" + name);
        }
    }

    /**
     * An image's life through requests made by librbd on the agent, each step checked with the rbd tool: created,
     * written, snapshotted and protected, cloned, flattened, copied, resized, renamed, trashed and restored, purged,
     * rolled back and removed; bad input refused with the field named, and nothing changed by it.
     */
    @Test
    @Order(19)
    void an_image_is_created_snapshotted_cloned_flattened_copied_and_removed_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        int rbdPool = cliPool("rbd").path("pool_id").asInt();
        String name = "loligo-it-" + UUID.randomUUID().toString().substring(0, 8);
        String images = "/api/v3/cluster/{fsid}/pool/{pool}/image";
        String image = images + "/{name}";
        try {
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"size\": 268435456,"
                    + " \"features\": [\"layering\", \"exclusive-lock\", \"object-map\", \"fast-diff\", \"deep-flatten\"],"
                    + " \"object_size\": 4194304}").post(images, fsid, rbdPool).then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            JsonNode info = rbdInfo(name);
            assertThat(info.path("size").asLong()).isEqualTo(256L << 20);
            assertThat(info.path("object_size").asLong()).isEqualTo(4L << 20);
            assertThat(MAPPER.convertValue(info.path("features"), List.class))
                    .containsExactlyInAnyOrder("layering", "exclusive-lock", "object-map", "fast-diff", "deep-flatten");

            api().contentType(ContentType.JSON).body("{\"name\": \"a/b\", \"size\": -1, \"features\": [\"object-map\"],"
                    + " \"object_size\": 3000}").post(images, fsid, rbdPool).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("name", "size", "features", "object_size"));
            api().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"size\": 1048576}").post(images, fsid, rbdPool)
                    .then().statusCode(409).body("reason", equalTo("ImageExists")).body("errors[0].field", equalTo("name"));
            api().contentType(ContentType.JSON).body("{\"name\": \"s\"}").post(image + "/snapshot", fsid, rbdPool, "no-such-image")
                    .then().statusCode(404).body("reason", equalTo("ImageNotFound"));
            api().contentType(ContentType.JSON).body("{\"size\": 1048576}").patch(image, fsid, rbdPool, name).then().statusCode(400)
                    .body("errors[0].field", equalTo("size"));
            assertThat(rbdInfo(name).path("size").asLong()).as("a refused shrink changes nothing").isEqualTo(256L << 20);

            platform.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-total", "8M", "--io-pattern", "seq", "rbd/" + name);
            long used = MAPPER.readTree(platform.rbd("du", "rbd/" + name, "--format", "json")).path("images").path(0).path("used_size").asLong();
            // written beside Loligo: shown once the listing is read again
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    api().get(image, fsid, rbdPool, name).then().statusCode(200).body("used_bytes", equalTo((int) used)));

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"base\", \"protected\": true}")
                    .post(image + "/snapshot", fsid, rbdPool, name).then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            JsonNode snapshots = MAPPER.readTree(platform.rbd("snap", "ls", "rbd/" + name, "--format", "json"));
            assertThat(snapshots).hasSize(1);
            assertThat(snapshots.path(0).path("name").asText()).isEqualTo("base");
            assertThat(snapshots.path(0).path("protected").asText()).isEqualTo("true");
            api().get(image, fsid, rbdPool, name).then().body("snapshots[0].name", equalTo("base")).body("snapshots[0].protected", equalTo(true));

            String clone = name + "-clone";
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + clone + "\"}")
                    .post(image + "/snapshot/{snapshot}/clone", fsid, rbdPool, name, "base").then().statusCode(202).extract()
                    .path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(clone).path("parent").path("image").asText()).isEqualTo(name);
            assertThat(rbdInfo(clone).path("parent").path("snapshot").asText()).isEqualTo("base");
            api().contentType(ContentType.JSON).body("{\"protected\": false}").patch(image + "/snapshot/{snapshot}", fsid, rbdPool, name, "base")
                    .then().statusCode(409).body("reason", equalTo("SnapshotHasClones"));
            api().delete(image + "/snapshot/{snapshot}", fsid, rbdPool, name, "base").then().statusCode(409)
                    .body("reason", equalTo("SnapshotProtected"));

            JsonNode flattened = awaitEnded(api().post(image + "/flatten", fsid, rbdPool, clone).then().statusCode(202).extract()
                    .path("request_id"), Duration.ofSeconds(60));
            assertThat(flattened.path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(clone).has("parent")).as("a flattened clone has no parent").isFalse();
            api().post(image + "/flatten", fsid, rbdPool, clone).then().statusCode(409).body("reason", equalTo("NotAClone"));

            String copy = name + "-copy";
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"name\": \"" + copy + "\"}")
                    .post(image + "/copy", fsid, rbdPool, name).then().statusCode(202).extract().path("request_id"), Duration.ofSeconds(60))
                    .path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(copy).path("size").asLong()).isEqualTo(256L << 20);

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"size\": 536870912}").patch(image, fsid, rbdPool, copy)
                    .then().statusCode(202).extract().path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(copy).path("size").asLong()).isEqualTo(512L << 20);
            String renamed = copy + "-renamed";
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"size\": 134217728, \"allow_shrink\": true, \"name\": \""
                    + renamed + "\"}").patch(image, fsid, rbdPool, copy).then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(renamed).path("size").asLong()).isEqualTo(128L << 20);
            api().contentType(ContentType.JSON).body("{\"size\": 134217728}").patch(image, fsid, rbdPool, renamed).then().statusCode(304);

            assertThat(awaitEnded(api().post(image + "/trash", fsid, rbdPool, renamed).then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            JsonNode trashed = MAPPER.readTree(platform.rbd("trash", "ls", "rbd", "--format", "json"));
            assertThat(trashed).extracting(entry -> entry.path("name").asText()).contains(renamed);
            String trashId = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/pool/{pool}/trash", fsid, rbdPool).then().statusCode(200)
                    .extract().asString()).findParents("name").stream().filter(entry -> entry.path("name").asText().equals(renamed))
                    .findFirst().orElseThrow().path("id").asText();
            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{}").post("/api/v3/cluster/{fsid}/pool/{pool}/trash/{id}/restore",
                    fsid, rbdPool, trashId).then().statusCode(202).extract().path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(renamed).path("id").asText()).isEqualTo(trashId);
            awaitEnded(api().post(image + "/trash", fsid, rbdPool, renamed).then().statusCode(202).extract().path("request_id"));
            assertThat(awaitEnded(api().delete("/api/v3/cluster/{fsid}/pool/{pool}/trash/{id}", fsid, rbdPool, trashId).then().statusCode(202)
                    .extract().path("request_id"), Duration.ofSeconds(60)).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.rbd("trash", "ls", "rbd", "--format", "json")))
                    .extracting(entry -> entry.path("id").asText()).doesNotContain(trashId);

            assertThat(awaitEnded(api().contentType(ContentType.JSON).body("{\"protected\": false, \"name\": \"first\"}")
                    .patch(image + "/snapshot/{snapshot}", fsid, rbdPool, name, "base").then().statusCode(202).extract().path("request_id"))
                    .path("state").asText()).isEqualTo("complete");
            snapshots = MAPPER.readTree(platform.rbd("snap", "ls", "rbd/" + name, "--format", "json"));
            assertThat(snapshots.path(0).path("name").asText()).isEqualTo("first");
            assertThat(snapshots.path(0).path("protected").asText()).isEqualTo("false");
            platform.rbd("resize", "--size", "512M", "rbd/" + name);
            assertThat(awaitEnded(api().post(image + "/snapshot/{snapshot}/rollback", fsid, rbdPool, name, "first").then().statusCode(202)
                    .extract().path("request_id"), Duration.ofSeconds(60)).path("state").asText()).isEqualTo("complete");
            assertThat(rbdInfo(name).path("size").asLong()).as("rolled back to the size the snapshot has").isEqualTo(256L << 20);
            assertThat(awaitEnded(api().delete(image + "/snapshot/{snapshot}", fsid, rbdPool, name, "first").then().statusCode(202)
                    .extract().path("request_id")).path("state").asText()).isEqualTo("complete");
            assertThat(MAPPER.readTree(platform.rbd("snap", "ls", "rbd/" + name, "--format", "json"))).isEmpty();

            for (String removed : List.of(clone, name)) {
                assertThat(awaitEnded(api().delete(image, fsid, rbdPool, removed).then().statusCode(202).extract().path("request_id"),
                        Duration.ofSeconds(60)).path("state").asText()).isEqualTo("complete");
            }
            assertThat(MAPPER.readTree(platform.rbd("ls", "rbd", "--format", "json"))).extracting(JsonNode::asText)
                    .doesNotContain(name, clone);
        } finally {
            // clones (longer names) before their parent
            List<String> left = new java.util.ArrayList<>();
            MAPPER.readTree(platform.rbd("ls", "rbd", "--format", "json")).forEach(listed -> left.add(listed.asText()));
            left.removeIf(listed -> !listed.startsWith(name));
            left.sort(java.util.Comparator.comparingInt(String::length).reversed());
            for (String leftOver : left) {
                for (JsonNode snapshot : MAPPER.readTree(platform.rbd("snap", "ls", "rbd/" + leftOver, "--format", "json"))) {
                    if (snapshot.path("protected").asText().equals("true")) {
                        platform.rbd("snap", "unprotect", "rbd/" + leftOver + "@" + snapshot.path("name").asText());
                    }
                }
                platform.rbd("snap", "purge", "rbd/" + leftOver);
                platform.rbd("rm", "rbd/" + leftOver);
            }
        }
    }

    @Test
    @Order(19)
    void an_erasure_code_profile_and_an_erasure_coded_pool_on_it() throws Exception {
        String fsid = platform.ceph("fsid");
        String profile = "loligo-it-" + UUID.randomUUID().toString().substring(0, 8);
        String pool = profile + "-pool";
        String create = api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + profile + "\", \"k\": \"2\", \"m\": \"1\", \"crush-failure-domain\": \"osd\"}")
                .post("/api/v3/cluster/{fsid}/erasure_code_profile", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(create).path("state").asText()).isEqualTo("complete");
        JsonNode cli = MAPPER.readTree(platform.ceph("osd", "erasure-code-profile", "get", profile, "--format", "json"));
        assertThat(cli.path("k").asText()).isEqualTo("2");
        assertThat(cli.path("crush-failure-domain").asText()).isEqualTo("osd");
        api().get("/api/v3/cluster/{fsid}/erasure_code_profile/{name}", fsid, profile).then().statusCode(200).body("m", equalTo("1"));

        String ecPool = api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + pool + "\", \"pg_num\": 8, \"type\": \"erasure\", \"erasure_code_profile\": \"" + profile + "\"}")
                .post("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(ecPool).path("state").asText()).isEqualTo("complete");
        JsonNode created = cliPool(pool);
        assertThat(created.path("erasure_code_profile").asText()).isEqualTo(profile);
        assertThat(created.path("size").asInt()).isEqualTo(3);
        api().delete("/api/v3/cluster/{fsid}/erasure_code_profile/{name}", fsid, profile).then().statusCode(409)
                .body("reason", equalTo("ProfileInUse"));

        String dropPool = api().delete("/api/v3/cluster/{fsid}/pool/{id}", fsid, created.path("pool_id").asInt())
                .then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(dropPool).path("state").asText()).isEqualTo("complete");
        String dropProfile = api().delete("/api/v3/cluster/{fsid}/erasure_code_profile/{name}", fsid, profile)
                .then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(dropProfile).path("state").asText()).isEqualTo("complete");
        assertThat(platform.ceph("osd", "erasure-code-profile", "ls")).doesNotContain(profile);
    }

    @Test
    @Order(20)
    void crush_rules_and_buckets_are_created_renamed_moved_and_removed_through_requests() throws Exception {
        String fsid = platform.ceph("fsid");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rule = "loligo-it-rule-" + suffix;
        String created = api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + rule + "\", \"root\": \"default\", \"failure_domain\": \"osd\", \"device_class\": \"hdd\"}")
                .post("/api/v3/cluster/{fsid}/crush_rule", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(created).path("state").asText()).isEqualTo("complete");
        JsonNode cliRule = MAPPER.readTree(platform.ceph("osd", "crush", "rule", "dump", rule, "--format", "json"));
        assertThat(cliRule.path("steps").path(0).path("item_name").asText()).isEqualTo("default~hdd");
        int ruleId = cliRule.path("rule_id").asInt();
        String renamedRule = rule + "-renamed";
        String rename = api().contentType(ContentType.JSON).body("{\"name\": \"" + renamedRule + "\"}")
                .patch("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(rename).path("state").asText()).isEqualTo("complete");
        assertThat(platform.ceph("osd", "crush", "rule", "ls")).contains(renamedRule).doesNotContain(rule + "\n");
        String dropRule = api().delete("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(202)
                .extract().path("request_id");
        assertThat(awaitEnded(dropRule).path("state").asText()).isEqualTo("complete");
        assertThat(platform.ceph("osd", "crush", "rule", "ls")).doesNotContain(renamedRule);
        api().delete("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, 0).then().statusCode(409).body("reason", equalTo("RuleInUse"));

        String rack = "loligo-it-rack-" + suffix;
        String add = api().contentType(ContentType.JSON).body("{\"name\": \"" + rack + "\", \"bucket_type\": \"rack\", \"parent\": -1}")
                .post("/api/v3/cluster/{fsid}/crush_node", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(add).path("state").asText()).isEqualTo("complete");
        JsonNode rackBucket = cliBucket(rack);
        assertThat(rackBucket).isNotNull();
        assertThat(cliBucket("default").path("items").findValuesAsText("id")).contains(rackBucket.path("id").asText());
        String renamedRack = rack + "-renamed";
        String renameRack = api().contentType(ContentType.JSON).body("{\"name\": \"" + renamedRack + "\"}")
                .patch("/api/v3/cluster/{fsid}/crush_node/{id}", fsid, rackBucket.path("id").asInt()).then().statusCode(202)
                .extract().path("request_id");
        assertThat(awaitEnded(renameRack).path("state").asText()).isEqualTo("complete");
        assertThat(cliBucket(renamedRack)).isNotNull();
        api().delete("/api/v3/cluster/{fsid}/crush_node/{id}", fsid, -1).then().statusCode(409).body("reason", equalTo("BucketNotEmpty"));
        String dropRack = api().delete("/api/v3/cluster/{fsid}/crush_node/{id}", fsid, rackBucket.path("id").asInt())
                .then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(dropRack).path("state").asText()).isEqualTo("complete");
        assertThat(cliBucket(renamedRack)).isNull();
    }

    @Test
    @Order(21)
    void a_rules_steps_change_through_the_crush_map_and_a_whole_map_can_be_replaced() throws Exception {
        String fsid = platform.ceph("fsid");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String rule = "loligo-it-steps-" + suffix;
        String erasureSteps = "[{\"op\": \"set_chooseleaf_tries\", \"num\": 5}, {\"op\": \"take\", \"item_name\": \"default\"},"
                + " {\"op\": \"chooseleaf_indep\", \"num\": 0, \"type\": \"osd\"}, {\"op\": \"emit\"}]";
        String created = api().contentType(ContentType.JSON)
                .body("{\"name\": \"" + rule + "\", \"type\": \"erasure\", \"max_size\": 6, \"steps\": " + erasureSteps + "}")
                .post("/api/v3/cluster/{fsid}/crush_rule", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(created).path("state").asText()).isEqualTo("complete");
        JsonNode cliRule = MAPPER.readTree(platform.ceph("osd", "crush", "rule", "dump", rule, "--format", "json"));
        assertThat(cliRule.path("type").asInt()).isEqualTo(3);
        assertThat(cliRule.path("max_size").asInt()).isEqualTo(6);
        assertThat(cliRule.path("steps").findValuesAsText("op")).containsExactly("set_chooseleaf_tries", "take", "chooseleaf_indep", "emit");
        int ruleId = cliRule.path("rule_id").asInt();

        String replicatedSteps = "[{\"op\": \"take\", \"item_name\": \"default~hdd\"},"
                + " {\"op\": \"choose_firstn\", \"num\": 0, \"type\": \"osd\"}, {\"op\": \"emit\"}]";
        String changed = api().contentType(ContentType.JSON).body("{\"type\": \"replicated\", \"steps\": " + replicatedSteps + "}")
                .patch("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(202).extract().path("request_id");
        JsonNode ended = awaitEnded(changed);
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("complete");
        cliRule = MAPPER.readTree(platform.ceph("osd", "crush", "rule", "dump", rule, "--format", "json"));
        assertThat(cliRule.path("rule_id").asInt()).isEqualTo(ruleId);
        assertThat(cliRule.path("type").asInt()).isEqualTo(1);
        assertThat(cliRule.path("steps").path(0).path("item_name").asText()).isEqualTo("default~hdd");
        assertThat(cliRule.path("steps").path(1).path("op").asText()).isEqualTo("choose_firstn");
        api().contentType(ContentType.JSON).body("{\"steps\": " + replicatedSteps + "}")
                .patch("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(304);
        api().contentType(ContentType.JSON).body("{\"steps\": [{\"op\": \"take\", \"item_name\": \"default\"},"
                        + " {\"op\": \"chooseleaf_firstn\", \"num\": 0, \"type\": \"shelf\"}, {\"op\": \"emit\"}]}")
                .patch("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("steps[1].type"));

        // a change written from the CRUSH map before another request changed it is refused, not made over it
        String rack = "loligo-it-meanwhile-" + suffix;
        String addRack = api().contentType(ContentType.JSON).body("{\"name\": \"" + rack + "\", \"bucket_type\": \"rack\"}")
                .post("/api/v3/cluster/{fsid}/crush_node", fsid).then().statusCode(202).extract().path("request_id");
        String stale = api().contentType(ContentType.JSON).body("{\"steps\": [{\"op\": \"take\", \"item_name\": \"default\"},"
                        + " {\"op\": \"choose_firstn\", \"num\": 0, \"type\": \"osd\"}, {\"op\": \"emit\"}]}")
                .patch("/api/v3/cluster/{fsid}/crush_rule/{id}", fsid, ruleId).then().statusCode(202).extract().path("request_id");
        assertThat(awaitEnded(addRack).path("state").asText()).isEqualTo("complete");
        JsonNode refused = awaitEnded(stale);
        assertThat(refused.path("state").asText()).isEqualTo("error");
        assertThat(refused.path("error_message").asText()).contains("prior_version");
        assertThat(cliBucket(rack)).isNotNull();
        platform.ceph("osd", "crush", "remove", rack);
        // the text below is written from the map Loligo holds, so it must hold the map without the rack first
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api().get("/api/v3/cluster/{fsid}/crush_node", fsid).then().statusCode(200).extract().asString()).doesNotContain(rack));

        String text = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/crush_map", fsid).then().statusCode(200).extract().asString()).asText();
        api().contentType(ContentType.JSON).body(MAPPER.writeValueAsString(text))
                .post("/api/v3/cluster/{fsid}/crush_map", fsid).then().statusCode(304);
        String broken = text.replace("# end crush map", "rule broken {\n\tid 99\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n\tstep take nowhere\n\tstep emit\n}\n# end crush map");
        String refusal = api().contentType(ContentType.JSON).body(MAPPER.writeValueAsString(broken))
                .post("/api/v3/cluster/{fsid}/crush_map", fsid).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).extract().path("errors[0].message");
        assertThat(refusal).contains("nowhere");

        String textRule = "loligo-it-text-" + suffix;
        String withRule = text.replace("# end crush map", "rule " + textRule + " {\n\tid " + (ruleId + 1) + "\n\ttype replicated\n"
                + "\tmin_size 1\n\tmax_size 10\n\tstep take default\n\tstep choose firstn 0 type osd\n\tstep emit\n}\n\n# end crush map");
        String replaced = api().contentType(ContentType.JSON).body(MAPPER.writeValueAsString(withRule))
                .post("/api/v3/cluster/{fsid}/crush_map", fsid).then().statusCode(202).extract().path("request_id");
        ended = awaitEnded(replaced);
        assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("complete");
        assertThat(platform.ceph("osd", "crush", "rule", "ls")).contains(textRule, rule);

        for (String name : List.of(rule, textRule)) {
            platform.ceph("osd", "crush", "rule", "rm", name);
        }
    }

    @Test
    @Order(22)
    void a_rabbitmq_restart_during_a_burst_of_requests_loses_none_of_them() throws Exception {
        String fsid = platform.ceph("fsid");
        int lab = cliPool("lab").path("pool_id").asInt();
        List<String> requests = new ArrayList<>();
        try {
            for (int quota = 1001; quota <= 1003; quota++) {
                requests.add(quotaRequest(fsid, lab, quota));
            }
            LocalPlatform.rabbitmqctl("stop_app");
            try {
                for (int quota = 1004; quota <= 1006; quota++) {
                    requests.add(quotaRequest(fsid, lab, quota));
                }
            } finally {
                LocalPlatform.rabbitmqctl("start_app");
            }
            for (String request : requests) {
                JsonNode ended = awaitEnded(request, Duration.ofSeconds(90));
                assertThat(ended.path("state").asText()).as(ended.toString()).isEqualTo("complete");
            }
            assertThat(cliPool("lab").path("quota_max_objects").asLong()).isEqualTo(1006);
        } finally {
            platform.ceph("osd", "pool", "set-quota", "lab", "max_objects", "0");
        }
    }

    @Test
    @Order(23)
    void a_read_only_user_reads_the_cluster_with_a_token_and_changes_nothing() throws Exception {
        String fsid = platform.ceph("fsid");
        api().contentType(ContentType.JSON)
                .body("{\"username\":\"reader\",\"password\":\"reader-password\",\"role\":\"read-only\"}")
                .post("/api/v3/user").then().statusCode(201);
        LocalPlatform.Session reader = platform.login("reader", "reader-password");
        platform.api(reader).contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 1).then().statusCode(403)
                .contentType("application/problem+json").body("reason", equalTo("RoleNotAllowed"));
        assertThat(cliOsdIn(1)).isEqualTo(1);

        String token = platform.api(reader).contentType(ContentType.JSON).body("{\"name\":\"monitoring\"}")
                .post("/api/v3/user/me/token").then().statusCode(201).extract().path("token");
        given().baseUri(platform.gateway.url()).auth().oauth2(token).get("/api/v3/cluster/{fsid}/osd", fsid).then()
                .statusCode(200).body("size()", equalTo(3));
        given().baseUri(platform.gateway.url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"in\": false}").patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, 1).then().statusCode(403);
    }

    @Test
    @Order(24)
    void the_cli_endpoint_runs_allowed_ceph_commands_for_administrators_only() throws Exception {
        String fsid = platform.ceph("fsid");
        JsonNode tree = MAPPER.readTree(api().contentType(ContentType.JSON).body("{\"command\": \"ceph osd tree -f json\"}")
                .post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(200).body("status", equalTo(0))
                .body("prefix", equalTo("osd tree")).extract().asString());
        JsonNode cliTree = MAPPER.readTree(platform.ceph("osd", "tree", "--format", "json"));
        assertThat(MAPPER.readTree(tree.path("out").asText()).path("nodes")).isEqualTo(cliTree.path("nodes"));

        // a failed command is still a 200, with Ceph's code and message, as Calamari answered
        api().contentType(ContentType.JSON).body("{\"command\": [\"ceph\", \"osd\", \"pool\", \"get\", \"no-such-pool\", \"size\"]}")
                .post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(200).body("status", equalTo(-2))
                .body("err", equalTo("unrecognized pool 'no-such-pool'"));
        api().contentType(ContentType.JSON).body("{\"command\": \"ceph osd out 1\"}")
                .post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(403).contentType("application/problem+json")
                .body("reason", equalTo("CommandNotAllowed"));
        assertThat(cliOsdIn(1)).isEqualTo(1);
        // the allow-list holds whole commands: "health" reads, "health mute" would silence a warning
        api().contentType(ContentType.JSON).body("{\"command\": \"ceph health mute OSD_DOWN 1h\"}")
                .post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(403).body("reason", equalTo("CommandNotAllowed"))
                .body("detail", org.hamcrest.Matchers.containsString("'health mute'"));
        assertThat(platform.ceph("health", "detail", "--format", "json")).doesNotContain("\"muted\":true");
        api().contentType(ContentType.JSON).body("{\"command\": \"ceph osd pool get\"}")
                .post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(400)
                .body("errors[0].field", equalTo("command")).body("errors[0].message", equalTo("osd pool get: missing <pool>"));

        api().contentType(ContentType.JSON)
                .body("{\"username\":\"cli-operator\",\"password\":\"operator-password\",\"role\":\"operator\"}")
                .post("/api/v3/user").then().statusCode(201);
        platform.api(platform.login("cli-operator", "operator-password")).contentType(ContentType.JSON)
                .body("{\"command\": \"ceph health\"}").post("/api/v3/cluster/{fsid}/cli", fsid).then().statusCode(403)
                .body("reason", equalTo("RoleNotAllowed"));
    }

    @Test
    @Order(25)
    void the_live_stream_carries_health_changes_events_and_each_step_of_a_request() throws Exception {
        String fsid = platform.ceph("fsid");
        given().baseUri(platform.gateway.url()).get("/api/v3/stream").then().statusCode(401)
                .contentType("application/problem+json");
        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/v3/stream?fsid=" + fsid))
                .header("Cookie", "loligo_session=" + session.cookie()).header("Accept", "text/event-stream").build();
        // HTTP/1.1 as browsers' EventSource speaks it here: the client's default cleartext HTTP/2 upgrade is refused
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .build().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.join().body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> {
                    try {
                        updates.add(MAPPER.readTree(line.substring("data:".length())));
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON: " + line, e);
                    }
                }));
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(stream.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            // a ping within seconds says the stream is open end to end, before anything is changed
            awaitUpdate(updates, update -> update.path("type").asText().equals("ping"));

            platform.ceph("osd", "set", "noout");
            // the flag's change, not one an earlier test left for Loligo to see after the stream opened
            JsonNode health = awaitUpdate(updates, update -> update.path("type").asText().equals("health")
                    && update.path("data").path("checks").toString().contains("OSDMAP_FLAGS"));
            assertThat(health.path("fsid").asText()).isEqualTo(fsid);
            assertThat(health.path("data").path("status").asText()).isEqualTo("HEALTH_WARN");
            awaitUpdate(updates, update -> update.path("type").asText().equals("event")
                    && update.path("data").path("message").asText().contains("OSDMAP_FLAGS"));

            int lab = cliPool("lab").path("pool_id").asInt();
            String requestId = quotaRequest(fsid, lab, 77);
            Predicate<JsonNode> ours = update -> update.path("type").asText().equals("request")
                    && update.path("data").path("id").asText().equals(requestId);
            JsonNode complete = awaitUpdate(updates, ours.and(update -> update.path("data").path("state").asText().equals("complete")));
            assertThat(complete.path("data").path("progress").asInt()).isEqualTo(100);
            assertThat(updates.stream().filter(ours).map(update -> update.path("data").path("state").asText()))
                    .as("the steps seen live").contains("submitted", "complete");
        } finally {
            platform.ceph("osd", "unset", "noout");
            platform.ceph("osd", "pool", "set-quota", "lab", "max_objects", "0");
            stream.cancel(true);
        }
    }

    @Test
    @Order(26)
    void a_new_agent_waits_for_acceptance_and_until_then_no_command_goes_to_it() throws Exception {
        String fsid = platform.ceph("fsid");
        // before any host name in order: were it heard, the accepted agent would hand it the cluster's series
        String node = "0-new-agent";
        ServiceProcess stranger = platform.anotherAgent(node);
        stranger.start();
        try {
            stranger.awaitReady(Duration.ofSeconds(60));
            Matcher logged = Pattern.compile("agent key (SHA256:[A-Za-z0-9+/]+)").matcher(stranger.logText());
            assertThat(logged.find()).as("the agent logs its key's fingerprint").isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> api().get("/api/v3/key/{id}", node).then()
                    .statusCode(200).body("status", equalTo("pre")).body("fingerprint", equalTo(logged.group(1))));

            // each agent is on the broker as itself (AMQP 1.0 sessions are listed as channels, not connections); one
            // not accepted keeps its metric batches, which the broker would refuse
            assertThat(LocalPlatform.rabbitmqctl("-q", "list_channels", "user").lines().map(String::strip))
                    .contains(node, LocalPlatform.run(List.of("hostname", "-f")));
            await().atMost(Duration.ofSeconds(30)).until(() -> stranger.readinessFigure("batches_waiting") >= 2);
            assertThat(stranger.readinessFigure("points_accepted")).isZero();
            assertThat(platform.agent.readinessFigure("points_accepted")).isPositive();
            assertThat(platform.agent.logText()).as("the accepted agent goes on writing the cluster's series")
                    .doesNotContain("another agent now writes the series of cluster " + fsid);

            // what the cluster is asked now goes to the accepted agent only
            int lab = cliPool("lab").path("pool_id").asInt();
            awaitEnded(quotaRequest(fsid, lab, 88));
            api().contentType(ContentType.JSON).body("{\"command\": \"ceph health\"}").post("/api/v3/cluster/{fsid}/cli", fsid)
                    .then().statusCode(200);
            assertThat(platform.agent.logText()).contains("running 'ceph health'");
            assertThat(stranger.logText()).doesNotContain("running 'ceph").doesNotContain("applying");

            // an acceptance names the key it accepts, as read off the agent's log
            api().contentType(ContentType.JSON).body("{\"status\": \"accepted\"}").patch("/api/v3/key/{id}", node).then()
                    .statusCode(400).body("errors[0].field", equalTo("fingerprint"));
            api().contentType(ContentType.JSON).body(Map.of("status", "accepted", "fingerprint", "SHA256:not-the-one-logged"))
                    .patch("/api/v3/key/{id}", node).then().statusCode(409).body("reason", equalTo("FingerprintMismatch"));
            api().contentType(ContentType.JSON).body("{\"status\": \"rejected\"}").patch("/api/v3/key/{id}", node).then()
                    .statusCode(200).body("status", equalTo("rejected"));
            api().contentType(ContentType.JSON).body(Map.of("status", "accepted", "fingerprint", logged.group(1)))
                    .patch("/api/v3/key/{id}", node).then().statusCode(400).body("errors[0].field", equalTo("status"));
            api().delete("/api/v3/key/{id}", node).then().statusCode(204);
        } finally {
            stranger.stop();
            platform.ceph("osd", "pool", "set-quota", "lab", "max_objects", "0");
        }
    }

    @Test
    @Order(27)
    void a_read_the_gateway_keeps_follows_the_cluster_at_once() throws Exception {
        String fsid = platform.ceph("fsid");
        // well under how long the gateway keeps a read at most: only its following the stream can pass this
        Duration promptly = Duration.ofSeconds(5);
        for (String flag : List.of("out", "in")) {
            for (int i = 0; i < 3; i++) {
                api().get("/api/v3/cluster/{fsid}/osd/1", fsid).then().statusCode(200);
                api().get("/api/v3/cluster/{fsid}/health_counters", fsid).then().statusCode(200);
            }
            platform.ceph("osd", flag, "1");
            boolean in = flag.equals("in");
            await().atMost(promptly).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    api().get("/api/v3/cluster/{fsid}/osd/1", fsid).then().statusCode(200).body("in", equalTo(in)));
            await().atMost(promptly).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    api().get("/api/v3/cluster/{fsid}/health_counters", fsid).then().statusCode(200)
                            .body("osd.ok.count", equalTo(in ? 3 : 2)));
        }
    }

    /** The first update received so far, or within 30 s, that is {@code wanted}. */
    private static JsonNode awaitUpdate(List<JsonNode> updates, Predicate<JsonNode> wanted) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            updates.stream().filter(wanted).findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /**
     * A second cluster-service waits as a standby, consuming nothing and passing calls on to the first, which
     * leads; when the leader dies it takes over within seconds, from what the leader left in PostgreSQL.
     */
    @Test
    @Order(28)
    void a_standby_cluster_service_takes_over_when_the_leader_dies() throws Exception {
        String fsid = platform.ceph("fsid");
        int lab = cliPool("lab").path("pool_id").asInt();
        ServiceProcess standby = platform.anotherClusterService();
        standby.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> standby.logText().contains("this one waits as a standby"));
            await().atMost(Duration.ofSeconds(30)).until(standby::ready);
            LocalPlatform.internal(standby).get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'leadership' }.data.role", equalTo("standby"));
            // what the leader answers, passed on
            LocalPlatform.internal(standby).get("/internal/v2/cluster/{fsid}/health", fsid).then().statusCode(200)
                    .body("report.status", equalTo(LocalPlatform.internal(platform.clusterService)
                            .get("/internal/v2/cluster/{fsid}/health", fsid).then().statusCode(200).extract().path("report.status")));
            LocalPlatform.internal(standby).contentType(ContentType.JSON).body("{\"pg_num\": 0}")
                    .patch("/internal/v2/cluster/{fsid}/pool/{id}", fsid, lab).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("pg_num"));
            String heartbeatReceiver = "Receiver listening address /topic/" + LocalPlatform.BUS_PREFIX + ".heartbeat.#";
            assertThat(standby.logText()).as("a standby attaches no receiver").doesNotContain(heartbeatReceiver)
                    .doesNotContain("Receiver listening address /queue/" + LocalPlatform.BUS_PREFIX + ".replies");

            platform.clusterService.kill();
            platform.brokerAsks(standby);
            await().atMost(Duration.ofSeconds(30)).until(() -> standby.logText().contains("this instance leads cluster-service"));
            await().atMost(Duration.ofSeconds(10)).until(() -> standby.logText().contains(heartbeatReceiver));

            LocalPlatform.internal(standby).get("/internal/v2/cluster/{fsid}/health", fsid).then().statusCode(200);
            String id = LocalPlatform.internal(standby).contentType(ContentType.JSON).body("{\"quota_max_objects\": 4242}")
                    .patch("/internal/v2/cluster/{fsid}/pool/{id}", fsid, lab).then().statusCode(202).extract().path("request_id");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> LocalPlatform.internal(standby).get("/internal/v2/request/{id}", id)
                    .then().statusCode(200).body("state", equalTo("complete")));
            assertThat(cliPool("lab").path("quota_max_objects").asLong()).isEqualTo(4242);
        } finally {
            standby.stop();
            // a failure before the kill leaves the first one leading
            if (!platform.clusterService.alive()) {
                platform.clusterService.start();
                platform.clusterService.awaitReady(Duration.ofSeconds(60));
            }
            platform.brokerAsks(platform.clusterService);
            platform.ceph("osd", "pool", "set-quota", "lab", "max_objects", "0");
        }
    }

    /** A stream is held by its session: a user holds a few at most, and each ends with the session. */
    @Test
    @Order(30)
    void live_streams_are_capped_per_user_and_end_with_their_session() throws Exception {
        api().contentType(ContentType.JSON)
                .body("{\"username\":\"streamer\",\"password\":\"streamer-password\",\"role\":\"read-only\"}")
                .post("/api/v3/user").then().statusCode(201);
        LocalPlatform.Session streamer = platform.login("streamer", "streamer-password");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/v3/stream"))
                .header("Cookie", "loligo_session=" + streamer.cookie()).header("Accept", "text/event-stream").build();
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
            open.add(response);
        }
        HttpResponse<String> ninth = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(ninth.statusCode()).isEqualTo(429);
        assertThat(ninth.body()).contains("TooManyStreams");

        platform.api(streamer).post("/api/v3/auth/logout").then().statusCode(200);
        // each stream checks its session at its next ping, within 5 s, and ends: its lines come to an end, or the
        // gateway closes the connection under them (what a browser's EventSource takes as the end too)
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> open.forEach(response -> {
            try {
                response.body().forEach(line -> { });
            } catch (java.io.UncheckedIOException closed) {
                assertThat(closed).hasMessageContaining("closed");
            }
        }));
        ended.get(20, TimeUnit.SECONDS);
        given().baseUri(platform.gateway.url()).cookie("loligo_session", streamer.cookie()).get("/api/v3/stream").then().statusCode(401);
    }

    /**
     * Every operation of every version, called with what no client should send: pages past any list, ids that are
     * negative or overflow, a 2,000-deep body, a key given twice, an 11 MB body. Each is refused with a 4xx, never
     * failed with a 5xx, and nothing it names exists: every path parameter is a hostile value, so no call can reach
     * a real cluster, pool or user.
     */
    @Test
    @Order(29)
    void hostile_input_on_every_operation_is_refused_never_failed() throws Exception {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        String duplicated = "{\"name\": \"a\", \"name\": \"b\", \"size\": 1, \"size\": 2}";
        String huge = "{\"padding\": \"" + "a".repeat(11 << 20) + "\"}";
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (String document : List.of("/q/openapi", "/q/openapi-v2", "/q/openapi-v1")) {
            JsonNode paths = MAPPER.readTree(given().baseUri(platform.gateway.url()).get(document + "?format=json").then()
                    .statusCode(200).extract().asString()).path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> entries = paths.fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> path = entries.next();
                if (path.getKey().contains("/auth/")) {
                    continue;
                }
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String name = methods.next();
                    String method = name.toUpperCase(Locale.ROOT);
                    JsonNode operation = path.getValue().path(name);
                    boolean paged = operation.path("parameters").findValuesAsText("name").contains("page");
                    if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
                            // a read that takes neither an id nor a page has nothing hostile to be given
                            || method.equals("GET") && !path.getKey().replace("{slash}", "").contains("{") && !paged
                            // a live stream takes no input and answers for as long as the session lasts
                            || operation.path("responses").path("200").path("content").has("text/event-stream")) {
                        continue;
                    }
                    for (String id : List.of("-1", "99999999999999999999", "2147483648")) {
                        String url = path.getKey().replace("{slash}", "/").replaceAll("\\{[^}]+}", id);
                        List<Response> answers = new ArrayList<>();
                        if (method.equals("GET")) {
                            answers.add(hostile().queryParam("page", Integer.MAX_VALUE).get(url));
                            answers.add(hostile().queryParam("page", "-5").queryParam("page_size", "99999999999").get(url));
                        } else if (method.equals("DELETE")) {
                            answers.add(hostile().delete(url));
                        } else if (id.equals("-1")) {
                            for (String body : List.of(deep, duplicated)) {
                                answers.add(hostile().contentType(ContentType.JSON).body(body).request(method, url));
                            }
                            calls++;
                            int tooLarge = hugeBody(method, url, huge);
                            if (tooLarge != 413) {
                                failures.add(method + " " + url + " with 11 MB: " + tooLarge);
                            }
                        }
                        for (Response answer : answers) {
                            calls++;
                            if (answer.statusCode() >= 500 || answer.statusCode() < 400) {
                                failures.add(method + " " + url + ": " + answer.statusCode() + " " + answer.asString().lines().findFirst().orElse(""));
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).as("hostile calls made").isGreaterThan(300);
        assertThat(failures).as("hostile calls answered otherwise than with a 4xx").isEmpty();
    }

    /**
     * A body past the bound, sent as a careful client sends a large one: the headers first, asking whether to go on
     * (Expect: 100-continue). The gateway answers 413 at once and the body never crosses.
     */
    private static int hugeBody(String method, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + url)).expectContinue(true)
                .header("Cookie", "loligo_session=" + session.cookie()).header("X-XSRF-TOKEN", session.xsrfToken())
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** As the administrator, outside the suite's record of mutations: none of these may change anything. */
    private static RequestSpecification hostile() {
        // an answer that never ends is a failure of its own, not a hung suite
        return given().baseUri(platform.gateway.url()).cookie("loligo_session", session.cookie())
                .header("X-XSRF-TOKEN", session.xsrfToken()).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000)));
    }

    /** How many agent messages cluster-service refused for this reason, as its liveness check says. */
    private static long refusedByClusterService(String reason) {
        Number count = given().baseUri(platform.clusterService.url()).get("/q/health/live").then().statusCode(200).extract()
                .path("checks.find { it.name == 'agent messages refused' }.data.'" + reason + "'");
        return count == null ? 0 : count.longValue();
    }

    /** Last: what every earlier test changed through the API. */
    /**
     * Every read of every API, as its OpenAPI document lists it, answers a tag of its bytes and lets a browser keep the
     * answer only to ask again; asked again with the tag, it answers a bodiless 304 unless the answer changed, and a
     * new tag when it did.
     */
    @Test
    @Order(31)
    void every_read_of_every_api_answers_an_etag_and_a_304_to_a_caller_that_has_it() throws Exception {
        String fsid = platform.ceph("fsid");
        String token = platform.apiToken(session, "conditional reads");
        String gateway = platform.gateway.url();
        ApiSamples samples = new ApiSamples(gateway, token, fsid);
        HttpClient http = HttpClient.newHttpClient();
        List<String> unchanged = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> templates = ApiSamples.getPaths(gateway);
        assertThat(templates).as("GET operations of v1, v2 and v3").hasSizeGreaterThan(100);
        for (String template : templates) {
            String url = samples.url(template);
            HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(first.statusCode()).as(url).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(url + " answered no ETag"));
            assertThat(first.headers().firstValue("Cache-Control")).as(url).hasValue("private, no-cache");
            HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (again.statusCode() == 304) {
                assertThat(again.body()).as(url).isEmpty();
                assertThat(again.headers().firstValue("ETag")).as(url).hasValue(etag);
                unchanged.add(template);
            } else {
                assertThat(again.statusCode()).as(url).isEqualTo(200);
                assertThat(again.headers().firstValue("ETag")).as(url + ": a 200 to a caller with the tag means a new answer").isNotEqualTo(Optional.of(etag));
                changed.add(template);
            }
        }
        System.out.printf("conditional reads: %d answered 304, %d had changed in between: %s%n", unchanged.size(), changed.size(), changed);
        // what changes between two reads a millisecond apart is the live figures: metrics windows, log tails, usage
        assertThat(unchanged).as("reads unchanged a moment later").hasSizeGreaterThan(templates.size() * 3 / 4);

        // a kept answer is served after the endpoint's own checks: the administrator's, kept just now, is not the reader's
        LocalPlatform.Session reader = platform.login("reader", "reader-password");
        for (String administrators : List.of("/api/v3/audit", "/api/v3/user", "/api/v2/user")) {
            api().get(administrators).then().statusCode(200);
            platform.api(reader).get(administrators).then().statusCode(403);
        }
        for (String anyUser : List.of("/api/v3/audit", "/api/v3/cluster/" + fsid + "/osd")) {
            given().baseUri(gateway).get(anyUser).then().statusCode(401);
        }
    }

    /** A read the gateway keeps (the OSD flags, in v3 and in Calamari's v2) shows a change once its request completed. */
    @Test
    @Order(32)
    void a_kept_read_shows_a_change_as_soon_as_its_request_completes() throws Exception {
        String fsid = platform.ceph("fsid");
        List<String> faces = List.of("/api/v3/cluster/{fsid}/osd_config", "/api/v2/cluster/{fsid}/osd_config");
        for (boolean noout : new boolean[]{true, false}) {
            Map<String, String> tags = new HashMap<>();
            for (String face : faces) {
                Response before = api().get(face, fsid);
                assertThat(before.statusCode()).isEqualTo(200);
                assertThat(before.jsonPath().getBoolean("noout")).as(face).isEqualTo(!noout);
                tags.put(face, before.header("ETag"));
            }
            String requestId = api().contentType(ContentType.JSON).body(Map.of("noout", noout))
                    .patch("/api/v3/cluster/{fsid}/osd_config", fsid).then().statusCode(202).extract().path("request_id");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "complete".equals(api().get("/api/v3/request/{id}", requestId).path("state")));
            for (String face : faces) {
                Response after = api().header("If-None-Match", tags.get(face)).get(face, fsid);
                assertThat(after.statusCode()).as(face + " right after the request completed").isEqualTo(200);
                assertThat(after.jsonPath().getBoolean("noout")).as(face).isEqualTo(noout);
                assertThat(after.header("ETag")).as(face).isNotEqualTo(tags.get(face));
            }
            assertThat(platform.ceph("osd", "dump", "-f", "json").contains("noout")).isEqualTo(noout);
        }
    }

    /**
     * A kept answer past its time (a second, for the user list) is given at once, with its {@code Age}, while the
     * gateway reads it anew in the background; the next read is given the new one. The mark of such a reread cannot
     * be forged to pass what is kept.
     */
    @Test
    @Order(33)
    void a_due_answer_is_given_at_once_while_the_gateway_reads_it_anew() {
        AtomicBoolean dueGiven = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response read = api().get("/api/v3/user");
            assertThat(read.statusCode()).isEqualTo(200);
            String age = read.header("Age");
            if (age != null && Integer.parseInt(age) >= 1) {
                dueGiven.set(true);
            }
            return dueGiven.get() && "0".equals(age);
        });
        Response forged = api().header("X-Loligo-Reread", "forged").get("/api/v3/user");
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(forged.header("Age")).as("a forged reread is given the answer kept").isNotNull();
    }

    /**
     * A read that depends on its caller (an account, its tokens) is kept for that caller alone: another caller on the
     * same URI is given their own, and a change of the caller's shows at once.
     */
    @Test
    @Order(34)
    void a_read_kept_for_its_caller_is_given_to_no_one_else() throws Exception {
        api().contentType(ContentType.JSON)
                .body("{\"username\":\"keeper\",\"password\":\"keeper-password\",\"role\":\"operator\"}")
                .post("/api/v3/user").then().statusCode(201);
        LocalPlatform.Session keeper = platform.login("keeper", "keeper-password");
        Map<String, Supplier<RequestSpecification>> callers = Map.of("admin", PlatformIT::api, "keeper", () -> platform.api(keeper));
        callers.get("keeper").get().contentType(ContentType.JSON).body("{\"name\":\"first\"}")
                .post("/api/v3/user/me/token").then().statusCode(201);
        for (String path : List.of("/api/v3/user/me", "/api/v1/user/me", "/api/v3/user/me/token")) {
            Map<String, String> answers = new HashMap<>();
            callers.forEach((username, caller) -> {
                // kept once the stream has been heard since the last change: within a second or two of one
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> caller.get().get(path).header("Age") != null);
                Response kept = caller.get().get(path);
                assertThat(kept.statusCode()).isEqualTo(200);
                answers.put(username, kept.asString());
            });
            assertThat(answers.get("admin")).as(path).isNotEqualTo(answers.get("keeper"));
        }
        callers.forEach((username, caller) ->
                assertThat(caller.get().get("/api/v3/user/me").jsonPath().getString("username")).isEqualTo(username));

        callers.get("keeper").get().contentType(ContentType.JSON).body("{\"name\":\"second\"}")
                .post("/api/v3/user/me/token").then().statusCode(201);
        Response tokens = callers.get("keeper").get().get("/api/v3/user/me/token");
        assertThat(tokens.header("Age")).as("a change made here forgets what was kept").isNull();
        assertThat(tokens.jsonPath().getList("name", String.class)).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void every_mutation_the_suite_made_is_in_the_audit_log() throws Exception {
        List<LocalPlatform.Mutation> sent = platform.mutationsSent();
        Map<LocalPlatform.Mutation, Long> audited = platform.auditLog(session).stream()
                .collect(Collectors.groupingBy(mutation -> mutation, Collectors.counting()));
        Map<LocalPlatform.Mutation, Long> expected = sent.stream()
                .collect(Collectors.groupingBy(mutation -> mutation, Collectors.counting()));
        assertThat(sent).as("mutations this suite sent").hasSizeGreaterThan(40);
        expected.forEach((mutation, times) ->
                assertThat(audited.getOrDefault(mutation, 0L)).as(mutation.toString()).isGreaterThanOrEqualTo(times));
    }

    private static String quotaRequest(String fsid, int pool, int quota) {
        return api().contentType(ContentType.JSON).body("{\"quota_max_objects\": " + quota + "}")
                .patch("/api/v3/cluster/{fsid}/pool/{id}", fsid, pool).then().statusCode(202).extract().path("request_id");
    }

    private static JsonNode cliBucket(String name) throws Exception {
        for (JsonNode bucket : MAPPER.readTree(platform.ceph("osd", "crush", "dump", "--format", "json")).path("buckets")) {
            if (bucket.path("name").asText().equals(name)) {
                return bucket;
            }
        }
        return null;
    }

    private static JsonNode cliPool(String name) throws Exception {
        for (JsonNode pool : MAPPER.readTree(platform.ceph("osd", "pool", "ls", "detail", "--format", "json"))) {
            if (pool.path("pool_name").asText().equals(name)) {
                return pool;
            }
        }
        return null;
    }

    private static JsonNode rbdInfo(String image) throws Exception {
        return MAPPER.readTree(platform.rbd("info", "rbd/" + image, "--format", "json"));
    }

    private static JsonNode awaitEnded(String requestId) throws Exception {
        return awaitEnded(requestId, Duration.ofSeconds(30));
    }

    private static JsonNode awaitEnded(String requestId, Duration limit) throws Exception {
        AtomicReference<JsonNode> ended = new AtomicReference<>();
        await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode request = MAPPER.readTree(api().get("/api/v3/request/{id}", requestId).then().statusCode(200).extract().asString());
            ended.set(request);
            return !Set.of("queued", "submitted").contains(request.path("state").asText());
        });
        return ended.get();
    }

    private static int cliOsdIn(int id) throws Exception {
        for (JsonNode osd : MAPPER.readTree(platform.ceph("osd", "dump", "--format", "json")).path("osds")) {
            if (osd.path("osd").asInt() == id) {
                return osd.path("in").asInt();
            }
        }
        throw new AssertionError("osd." + id + " is not in the CLI's OSD map");
    }

    private static int osdIn(String fsid, int id) throws Exception {
        JsonNode osds = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/sync_object/osd_map", fsid).asString())
                .path("osd_dump").path("osds");
        for (JsonNode osd : osds) {
            if (osd.path("osd").asInt() == id) {
                return osd.path("in").asInt();
            }
        }
        throw new AssertionError("osd." + id + " is not in the OSD map");
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
