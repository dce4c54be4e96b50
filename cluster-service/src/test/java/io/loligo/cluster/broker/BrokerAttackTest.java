package io.loligo.cluster.broker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.Gzip;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Attacks from anyone who reaches the broker, against the real broker, database and this service: taking the
 * services' name, forging maps and heartbeats, replaying them, and messages built to exhaust memory. Each is
 * refused, counted in the liveness check's data, and leaves the service serving.
 */
@QuarkusTest
class BrokerAttackTest {
    private final String fsid = UUID.randomUUID().toString();
    private final List<CommandEnvelope> fetches = new CopyOnWriteArrayList<>();
    private BrokerClient agent;
    private BrokerClient attacker;

    @BeforeEach
    void connect() throws Exception {
        agent = new BrokerClient();
        attacker = new BrokerClient();
    }

    @AfterEach
    void disconnect() {
        agent.close();
        attacker.close();
    }

    @Test
    void theServicesNamesCannotBeTakenThroughTheAgentPath() throws Exception {
        for (String name : List.of("guest", "admin", "administrator", "rabbitmq")) {
            assertThatThrownBy(() -> attacker.logIn(name)).as("a login as %s with a key of one's own", name).isInstanceOf(Exception.class);
        }
        // the services' own user never sends heartbeats: one that it sends enrols nobody
        String node = "from-services-" + UUID.randomUUID();
        long before = refused("not-from-an-agent");
        attacker.heartbeatFromServices(heartbeat(attacker, node, List.of(), Map.of()));
        awaitRefused("not-from-an-agent", before + 1);
        given().get("/internal/v2/key/{id}", node).then().statusCode(404);
    }

    @Test
    void aMapIsTakenOnlyAsTheAnswerToAFetchSentToThatAgent() throws Exception {
        String node = "mapper-" + UUID.randomUUID();
        String bystander = "bystander-" + UUID.randomUUID();
        agent.onCommands(node, fetches::add);
        agent.heartbeat(heartbeat(agent, node, List.of(), Map.of(ClusterMap.OSD_MAP, 5L)));
        CommandEnvelope first = fetchOf(ClusterMap.OSD_MAP);
        agent.reply(node, map(first, node, 5, "real"));
        awaitMarker("real");
        // another accepted agent of the same cluster; the first one stays favoured
        agent.heartbeat(heartbeat(agent, bystander, List.of(), Map.of(ClusterMap.OSD_MAP, 5L)));

        long before = refused("unasked-map");
        agent.reply(node, map(new CommandEnvelope(UUID.randomUUID().toString(), first.nodeId(), first.issuedAt(), first.command()), node, 6, "made-up id"));
        agent.reply(node, map(first, node, 7, "answered twice"));
        agent.heartbeat(heartbeat(agent, node, List.of(), Map.of(ClusterMap.OSD_MAP, 6L)));
        CommandEnvelope second = fetchOf(ClusterMap.OSD_MAP);
        agent.reply(bystander, map(second, bystander, 6, "from another agent"));
        agent.reply(node, map(second, node, 1_000_000, "an epoch never replaced"));
        awaitRefused("unasked-map", before + 4);
        given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid).then().body("marker", equalTo("real"));

        agent.reply(node, map(second, node, 6, "real 6"));
        awaitMarker("real 6");
    }

    @Test
    void aHeartbeatCountsOnlyFromItsOwnNodeFreshAndOnce() throws Exception {
        String node = "beating-" + UUID.randomUUID();
        String neighbour = "neighbour-" + UUID.randomUUID();
        List<DaemonService> osd = List.of(new DaemonService("ceph", fsid, "osd", "0", true, "16.2.15"));
        agent.heartbeat(heartbeat(agent, neighbour, List.of(), Map.of()));
        NodeHeartbeat withOsd = heartbeat(agent, node, osd, Map.of());
        agent.heartbeat(withOsd);
        awaitServices(node, 1);
        NodeHeartbeat withNone = heartbeat(agent, node, List.of(), Map.of());
        agent.signedHeartbeat(withNone);
        awaitServices(node, 0);

        long replayed = refused("replayed");
        long stale = refused("stale");
        long notItsOwn = refused("not-its-own");
        // a copy of the earlier heartbeat, played again: its OSD must not come back
        agent.sendAsIs(withOsd);
        agent.sendAsIs(new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, withOsd.fqdn(), node, Instant.now().minus(Duration.ofMinutes(10)),
                5, Instant.now(), null, null, osd, List.of(), List.of(), agent.publicKey()));
        // an accepted agent speaking for another one, under its own broker name
        agent.publishAsHeartbeat(neighbour, new WireCodec().toWire(heartbeat(agent, node, osd, Map.of())));
        awaitRefused("replayed", replayed + 1);
        awaitRefused("stale", stale + 1);
        awaitRefused("not-its-own", notItsOwn + 1);
        given().get("/internal/v2/server/{fqdn}", node + ".example.com").then().body("services", empty());
    }

    @Test
    void messagesBuiltToExhaustMemoryAreRefusedBeforeTheyCost() throws Exception {
        String pending = "bomber-" + UUID.randomUUID();
        attacker.signedHeartbeat(heartbeat(attacker, pending, List.of(), Map.of()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/key/{id}", pending).then().statusCode(200));
        long tooLarge = refused("too-large");

        // 40 MB of JSON in a body of a few dozen kilobytes
        attacker.publishAsHeartbeat(pending, new WireCodec.WireMessage(Gzip.compress(padded(40 << 20)), "application/gzip"));
        // 5 MB of JSON as JSON, which the broker client parses by itself: refused at its bound, the stream goes on
        attacker.publishAsHeartbeat(pending, new WireCodec.WireMessage(padded(5 << 20), "application/json"));
        // 100 MB: the broker refuses it at once
        assertThatThrownBy(() -> attacker.publishAsHeartbeat(pending, new WireCodec.WireMessage(padded(100 << 20), "application/octet-stream")))
                .as("a message past the broker's bound").isInstanceOf(Exception.class);
        // a reply bomb, from an accepted agent: 100 MB inflated, past the 64 MiB a reply may hold
        String node = "accepted-bomber-" + UUID.randomUUID();
        agent.heartbeat(heartbeat(agent, node, List.of(), Map.of()));
        agent.reply(node, new WireCodec.WireMessage(Gzip.compress(padded(100 << 20)), "application/gzip"));
        awaitRefused("too-large", tooLarge + 2);

        // and the service goes on: a heartbeat after the bombs is taken
        String after = "after-bombs-" + UUID.randomUUID();
        agent.heartbeat(heartbeat(agent, after, List.of(), Map.of()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", after + ".example.com").then().statusCode(200));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** A JSON object of about this many bytes, a field unknown to every receiver: a long array of zeros. */
    private static byte[] padded(int bytes) {
        StringBuilder json = new StringBuilder(bytes + 64).append("{\"schema\":1,\"padding\":[0");
        json.append(",0".repeat(Math.max(0, (bytes - json.length() - 2) / 2))).append("]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private NodeHeartbeat heartbeat(BrokerClient from, String node, List<DaemonService> services, Map<ClusterMap, Long> versions) {
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, node + ".example.com", node, Instant.now(), 5, Instant.now(),
                null, null, services, List.of(new ClusterReport(fsid, "ceph", versions)), List.of(), from.publicKey());
    }

    private CommandReply map(CommandEnvelope fetch, String node, long epoch, String marker) {
        ClusterMap map = ((FetchClusterMap) fetch.command()).map();
        return CommandReply.withMap(fetch.commandId(), node, new CommandReply.MapContent(fsid, map, epoch,
                JsonNodeFactory.instance.objectNode().put("epoch", epoch).put("marker", marker)));
    }

    private CommandEnvelope fetchOf(ClusterMap map) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fetches.stream()
                .filter(envelope -> envelope.command() instanceof FetchClusterMap fetch && fetch.map() == map)
                .findFirst().filter(fetches::remove), Optional::isPresent).orElseThrow();
    }

    private void awaitMarker(String marker) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/cluster/{fsid}/sync_object/osd_map", fsid)
                .then().statusCode(200).body("marker", equalTo(marker)));
    }

    private static void awaitServices(String node, int count) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/server/{fqdn}", node + ".example.com")
                .then().statusCode(200).body("services.size()", equalTo(count)));
    }

    /** How many messages this service refused for the reason, as its liveness check says. */
    static long refused(String reason) {
        Number count = given().get("/q/health/live").then().statusCode(200).extract()
                .path("checks.find { it.name == 'agent messages refused' }.data.'" + reason + "'");
        return count == null ? 0 : count.longValue();
    }

    static void awaitRefused(String reason, long atLeast) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(refused(reason)).as("refused as " + reason).isGreaterThanOrEqualTo(atLeast));
    }
}
