package io.loligo.cluster.heartbeat;

import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Heartbeats over the real broker into the real database, read back through the internal API. */
@QuarkusTest
class HeartbeatInventoryTest {
    private static BrokerClient broker;

    @BeforeAll
    static void connect() throws Exception {
        broker = new BrokerClient();
    }

    @AfterAll
    static void disconnect() {
        broker.close();
    }

    private NodeHeartbeat heartbeat(String fqdn, String fsid, int period, List<DaemonService> services) {
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, fqdn, fqdn, fqdn.split("\\.")[0], Instant.now(), period,
                Instant.parse("2026-11-20T08:00:00Z"), "Debian GNU/Linux 12 (bookworm)", "16.2.15", services,
                List.of(new ClusterReport(fsid, "ceph", Map.of(ClusterMap.OSD_MAP, 20L, ClusterMap.MON_MAP, 1L))), List.of(),
                broker.publicKey());
    }

    private static List<DaemonService> daemons(String fsid) {
        return List.of(new DaemonService("ceph", fsid, "mon", "a", true, "16.2.15"),
                new DaemonService("ceph", fsid, "osd", "0", true, "16.2.15"),
                new DaemonService("ceph", fsid, "osd", "1", true, "16.2.15"));
    }

    private void publish(NodeHeartbeat heartbeat) throws Exception {
        broker.heartbeat(heartbeat);
    }

    @Test
    void a_heartbeat_creates_the_server_its_services_and_its_cluster() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String fqdn = "store-" + fsid.substring(0, 8) + ".example.com";
        publish(heartbeat(fqdn, fsid, 5, daemons(fsid)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().statusCode(200));
        given().get("/internal/v2/server/{fqdn}", fqdn).then()
                .body("fqdn", equalTo(fqdn))
                .body("hostname", equalTo(fqdn.split("\\.")[0]))
                .body("managed", equalTo(true))
                .body("late", equalTo(false))
                .body("ceph_version", equalTo("16.2.15"))
                .body("last_contact", notNullValue())
                .body("boot_time", equalTo("2026-11-20T08:00:00Z"))
                .body("services.type", contains("mon", "osd", "osd"))
                .body("services.id", contains("a", "0", "1"))
                .body("services.fsid", contains(fsid, fsid, fsid));
        given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200)
                .body("id", equalTo(fsid)).body("name", equalTo("ceph")).body("update_time", notNullValue());
        given().get("/internal/v2/cluster").then().body("id", hasItem(fsid));
        given().get("/internal/v2/cluster/{fsid}/server", fsid).then().body("fqdn", contains(fqdn));
    }

    @Test
    void services_follow_the_latest_heartbeat() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String fqdn = "store-" + fsid.substring(0, 8) + ".example.com";
        publish(heartbeat(fqdn, fsid, 5, daemons(fsid)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().statusCode(200));

        // osd.1 is gone, osd.0 stopped (its socket no longer answers, so no fsid), osd.2 is new
        publish(heartbeat(fqdn, fsid, 5, List.of(new DaemonService("ceph", fsid, "mon", "a", true, "16.2.15"),
                new DaemonService("ceph", null, "osd", "0", false, null),
                new DaemonService("ceph", fsid, "osd", "2", true, "16.2.15"))));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then()
                        .body("services.id", contains("a", "0", "2"))
                        .body("services.running", contains(true, false, true))
                        .body("services.fsid", contains(fsid, fsid, fsid)));
    }

    @Test
    void a_silent_server_turns_late_after_three_periods_and_recovers_with_its_next_heartbeat() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String fqdn = "late-" + fsid.substring(0, 8) + ".example.com";
        Instant sent = Instant.now();
        publish(heartbeat(fqdn, fsid, 1, daemons(fsid)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().statusCode(200).body("late", equalTo(false)));

        await().atMost(Duration.ofSeconds(8)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().body("late", equalTo(true)));
        // three periods of one second, plus at most the one-second sweep
        org.assertj.core.api.Assertions.assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));

        // back with a longer period, so that on a busy machine it cannot turn late again before it is seen on time
        publish(heartbeat(fqdn, fsid, 60, daemons(fsid)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().body("late", equalTo(false)));
    }

    @Test
    void malformed_heartbeats_are_rejected_and_the_stream_goes_on() throws Exception {
        String intruder = "intruder-" + UUID.randomUUID();
        broker.publishTextAsHeartbeat(intruder, "not-json{");
        broker.publishAsHeartbeat(intruder, WireCodec.asWireMessage("not-json{".getBytes()));
        broker.publishAsHeartbeat(intruder, WireCodec.asWireMessage("{\"schema\":1,\"nodeId\":\"x\"}".getBytes()));
        broker.publishAsHeartbeat(intruder, WireCodec.asWireMessage("[1,2,3]".getBytes()));

        String fsid = UUID.randomUUID().toString();
        String fqdn = "after-" + fsid.substring(0, 8) + ".example.com";
        publish(heartbeat(fqdn, fsid, 5, daemons(fsid)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", fqdn).then().statusCode(200));
        given().get("/internal/v2/server/{fqdn}", "x").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void servers_arriving_going_late_and_returning_are_events_with_a_severity_threshold() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String fqdn = "events-" + fsid.substring(0, 8) + ".example.com";
        publish(heartbeat(fqdn, fsid, 1, daemons(fsid)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}/event", fqdn).then().statusCode(200)
                        .body("results.message", hasItem("Added server " + fqdn + " with 3 Ceph services")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}/event?severity=warning", fqdn).then()
                        .body("results[0].severity", equalTo("WARNING"))
                        .body("results[0].message", org.hamcrest.Matchers.startsWith("Server " + fqdn + " is late reporting in")));
        // back with a longer period: another late event before the count is read would make it six
        publish(heartbeat(fqdn, fsid, 60, daemons(fsid)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}/event", fqdn).then()
                        // before these, the agent's enrolment: asked to be accepted, and accepted
                        .body("count", equalTo(5))
                        .body("results.severity", contains("RECOVERY", "WARNING", "INFO", "INFO", "INFO")));
        given().get("/internal/v2/server/{fqdn}/event?severity=WARNING", fqdn).then().body("count", equalTo(1));
        given().get("/internal/v2/server/{fqdn}/event?page=1&page_size=2", fqdn).then()
                .body("results", org.hamcrest.Matchers.hasSize(2)).body("next", equalTo("?page=2&page_size=2"));
        given().get("/internal/v2/event?severity=loud&page=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("severity", "page"));
        given().get("/internal/v2/cluster/{fsid}/event", fsid).then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void unknown_clusters_and_servers_are_problems() {
        given().get("/internal/v2/cluster/{fsid}", "00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("reason", equalTo("ClusterNotFound"))
                .body("detail", equalTo("no cluster with fsid 00000000-0000-0000-0000-000000000000"));
        given().get("/internal/v2/server/{fqdn}", "nowhere.example.com").then()
                .statusCode(404).body("reason", equalTo("ServerNotFound"));
    }
}
