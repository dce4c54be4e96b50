package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Replies over the real broker into the real database, each answering a fetch cluster-service sent: late and
 * unreadable ones never replace a newer map, and large ones arrive compressed.
 */
@QuarkusTest
class StaleReplyTest {
    private final WireCodec codec = new WireCodec();
    private final List<CommandEnvelope> fetches = new CopyOnWriteArrayList<>();
    private final Set<String> subscribed = new HashSet<>();
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

    /** An accepted agent that reports these versions, and takes the fetches sent to it. */
    private void heartbeat(String node, String fsid, Map<ClusterMap, Long> versions) throws Exception {
        if (!subscribed.contains(node)) {
            broker.onCommands(node, fetches::add);
            subscribed.add(node);
        }
        broker.heartbeat(new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, node + ".example.com", node,
                Instant.now(), 5, Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", versions)), List.of(),
                broker.publicKey()));
    }

    /** The oldest fetch of this map not answered yet, once cluster-service has sent one. */
    private CommandEnvelope fetchOf(ClusterMap map) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fetches.stream()
                .filter(envelope -> envelope.command() instanceof FetchClusterMap fetch && fetch.map() == map)
                .findFirst().filter(fetches::remove), Optional::isPresent).orElseThrow();
    }

    private CommandReply answer(CommandEnvelope fetch, String node, String fsid, long epoch, String marker) {
        ClusterMap map = ((FetchClusterMap) fetch.command()).map();
        var content = JsonNodeFactory.instance.objectNode().put("epoch", epoch).put("marker", marker);
        return CommandReply.withMap(fetch.commandId(), node, new CommandReply.MapContent(fsid, map, epoch, content));
    }

    private static void awaitMarker(String fsid, String marker) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200).body("marker", equalTo(marker)));
    }

    @Test
    void an_older_epoch_arriving_late_is_dropped_and_unreadable_replies_are_rejected() throws Exception {
        String node = "stale-" + UUID.randomUUID();
        String fsid = UUID.randomUUID().toString();
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        versions.put(ClusterMap.OSD_MAP, 12L);
        heartbeat(node, fsid, versions);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));
        given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(503)
                .contentType("application/problem+json").body("reason", equalTo("NotSynchronised"));

        CommandEnvelope first = fetchOf(ClusterMap.OSD_MAP);
        broker.reply(node, answer(first, node, fsid, 12, "newer"));
        awaitMarker(fsid, "newer");

        // epoch 13 is announced, and the answer that comes is a late copy of 11
        versions.put(ClusterMap.OSD_MAP, 13L);
        heartbeat(node, fsid, versions);
        broker.reply(node, answer(fetchOf(ClusterMap.OSD_MAP), node, fsid, 11, "late"));
        broker.reply(node, WireCodec.asWireMessage("{\"map\":".getBytes(StandardCharsets.UTF_8)));
        // replies are taken in order: once this one is stored, the ones before it have been handled
        versions.put(ClusterMap.MON_MAP, 1L);
        heartbeat(node, fsid, versions);
        CommandEnvelope monFetch = fetchOf(ClusterMap.MON_MAP);
        broker.reply(node, answer(monFetch, node, fsid, 1, "barrier"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/mon_map", fsid).then().statusCode(200));
        given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().body("marker", equalTo("newer"));

        heartbeat(node, fsid, versions);
        broker.reply(node, answer(fetchOf(ClusterMap.OSD_MAP), node, fsid, 13, "newest"));

        awaitMarker(fsid, "newest");
        given().get("/internal/v2/cluster/{fsid}/sync_object", fsid).then().body("", org.hamcrest.Matchers.contains("osd_map", "mon_map"));
        given().get("/internal/v2/cluster/{fsid}/sync_object/{type}", fsid, "crush").then().statusCode(404)
                .body("reason", equalTo("SyncObjectNotFound"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void a_large_map_arrives_compressed_and_is_archived() throws Exception {
        String node = "large-" + UUID.randomUUID();
        String fsid = UUID.randomUUID().toString();
        heartbeat(node, fsid, Map.of(ClusterMap.OSD_MAP, 40L));
        var content = JsonNodeFactory.instance.objectNode().put("epoch", 40).put("marker", "large");
        var osds = content.putArray("osds");
        for (int id = 0; id < 5000; id++) {
            osds.addObject().put("osd", id).put("uuid", UUID.randomUUID().toString()).put("up", 1).put("in", 1);
        }
        WireCodec.WireMessage wire = codec.toWire(CommandReply.withMap(fetchOf(ClusterMap.OSD_MAP).commandId(), node,
                new CommandReply.MapContent(fsid, ClusterMap.OSD_MAP, 40, content)));
        assertThat(wire.contentType()).isEqualTo("application/gzip");

        broker.reply(node, wire);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().statusCode(200)
                        .body("marker", equalTo("large")).body("osds.size()", equalTo(5000)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(archive.load(fsid))
                .hasEntrySatisfying(ClusterMap.OSD_MAP, copy -> assertThat(copy.content()).isEqualTo(content)));
    }
}
