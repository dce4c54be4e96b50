package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Replies over the real broker into the real database: late and unreadable ones never replace a newer map, and
 * large ones arrive compressed.
 */
@QuarkusTest
class StaleReplyTest {
    private final WireCodec codec = new WireCodec();
    private BrokerClient broker;
    @Inject
    SyncObjectArchive archive;

    @BeforeEach
    void connect() throws Exception {
        broker = new BrokerClient();
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    private void heartbeat(String node, String fsid) throws Exception {
        NodeHeartbeat heartbeat = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, node + ".example.com", node,
                Instant.now(), 5, Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", Map.of())), List.of(), broker.publicKey());
        broker.heartbeat(heartbeat);
    }

    private void reply(String fsid, long epoch, String marker) throws Exception {
        reply(fsid, ClusterMap.OSD_MAP, epoch, marker);
    }

    private void reply(String fsid, ClusterMap map, long epoch, String marker) throws Exception {
        var content = JsonNodeFactory.instance.objectNode().put("epoch", epoch).put("marker", marker);
        var reply = CommandReply.withMap(UUID.randomUUID().toString(), "agent-1",
                new CommandReply.MapContent(fsid, map, epoch, content));
        broker.reply(codec.encode(reply));
    }

    @Test
    void an_older_epoch_arriving_late_is_dropped_and_unreadable_replies_are_rejected() throws Exception {
        String fsid = UUID.randomUUID().toString();
        heartbeat("agent-1", fsid);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));
        given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(503)
                .contentType("application/problem+json").body("reason", equalTo("NotSynchronised"));

        reply(fsid, 12, "newer");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200)
                        .body("marker", equalTo("newer")));

        reply(fsid, 11, "late");
        broker.reply("{\"map\":".getBytes(StandardCharsets.UTF_8));
        reply(fsid, 12, "same epoch again");
        // replies are taken in order: once this one is stored, the three before it have been handled
        reply(fsid, ClusterMap.MON_MAP, 1, "barrier");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/mon_map", fsid).then().statusCode(200));
        given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().body("marker", equalTo("newer"));

        reply(fsid, 13, "newest");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().body("marker", equalTo("newest")));
        given().get("/internal/v2/cluster/{fsid}/sync_object", fsid).then().body("", org.hamcrest.Matchers.contains("osd_map", "mon_map"));
        given().get("/internal/v2/cluster/{fsid}/sync_object/{type}", fsid, "crush").then().statusCode(404)
                .body("reason", equalTo("UnknownSyncObject"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_large_map_arrives_compressed_and_is_archived() throws Exception {
        String fsid = UUID.randomUUID().toString();
        heartbeat("agent-3", fsid);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));
        var content = JsonNodeFactory.instance.objectNode().put("epoch", 40).put("marker", "large");
        var osds = content.putArray("osds");
        for (int id = 0; id < 5000; id++) {
            osds.addObject().put("osd", id).put("uuid", UUID.randomUUID().toString()).put("up", 1).put("in", 1);
        }
        WireCodec.WireMessage wire = codec.toWire(CommandReply.withMap(UUID.randomUUID().toString(), "agent-3",
                new CommandReply.MapContent(fsid, ClusterMap.OSD_MAP, 40, content)));
        assertThat(wire.contentType()).isEqualTo("application/gzip");

        broker.reply(wire);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200)
                        .body("marker", equalTo("large")).body("osds.size()", equalTo(5000)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(archive.load(fsid))
                .hasEntrySatisfying(ClusterMap.OSD_MAP, copy -> assertThat(copy.content()).isEqualTo(content)));
    }

    @Test
    void a_reply_for_a_cluster_unknown_here_is_dropped() throws Exception {
        String unknown = UUID.randomUUID().toString();
        reply(unknown, 5, "orphan");
        String fsid = UUID.randomUUID().toString();
        heartbeat("agent-2", fsid);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));
        // replies are taken in order, so the orphan has been handled by now
        reply(fsid, 1, "after the orphan");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200));
        given().get("/internal/v2/cluster/{fsid}", unknown).then().statusCode(404);
    }
}
