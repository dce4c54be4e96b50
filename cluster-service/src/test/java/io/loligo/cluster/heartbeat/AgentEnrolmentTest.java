package io.loligo.cluster.heartbeat;

import io.loligo.cluster.BrokerClient;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Calamari's key model over the real broker and database: an agent is trusted, by cluster-service and by the other
 * agents, only once its key is accepted.
 */
@QuarkusTest
class AgentEnrolmentTest {
    @Inject
    RefusedAgentMessages refused;

    private static BrokerClient agent;
    private static BrokerClient impostor;

    @BeforeAll
    static void connect() throws Exception {
        agent = new BrokerClient();
        impostor = new BrokerClient();
    }

    @AfterAll
    static void disconnect() {
        agent.close();
        impostor.close();
    }

    private long refusedAs(String reason) {
        return refused.counts().getOrDefault(reason, 0L);
    }

    private static NodeHeartbeat heartbeat(BrokerClient from, String node, String fsid) {
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, node + ".example.com", node, Instant.now(), 5,
                Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", Map.of(ClusterMap.OSD_MAP, 3L))),
                List.of(), from.publicKey());
    }

    @Test
    void an_agent_not_accepted_creates_no_server_and_receives_no_command_until_it_is() throws Exception {
        String node = "pending-" + UUID.randomUUID();
        String fsid = UUID.randomUUID().toString();
        List<CommandEnvelope> commands = new CopyOnWriteArrayList<>();
        agent.onCommands(node, commands::add);
        List<String> peersHeard = new CopyOnWriteArrayList<>();
        agent.onPeers(peer -> peersHeard.add(peer.nodeId()));

        agent.signedHeartbeat(heartbeat(agent, node, fsid));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/key/{id}", node).then()
                .statusCode(200).body("status", equalTo("pre"))
                .body("fingerprint", equalTo(AgentSignatures.fingerprint(agent.publicKey())))
                .body("fqdn", equalTo(node + ".example.com")));
        given().get("/internal/v2/server/{fqdn}", node + ".example.com").then().statusCode(404);
        given().get("/internal/v2/event").then().body("results.message", hasItem("Agent " + node + " asks to be accepted (key "
                + AgentSignatures.fingerprint(agent.publicKey()) + ")"));

        BrokerClient.decideKey(node, "rejected", 200);
        long heardNotHeeded = refusedAs("not-accepted");
        agent.signedHeartbeat(heartbeat(agent, node, fsid));
        BrokerClient.decideKey(node, "accepted", 400);
        // only this test's agents send heartbeats to the tests' broker: the count moves once this one was weighed
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedAs("not-accepted") > heardNotHeeded);
        given().get("/internal/v2/server/{fqdn}", node + ".example.com").then().statusCode(404);
        given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(404);
        assertThat(commands).as("commands sent to an agent not accepted").isEmpty();
        assertThat(peersHeard).as("heartbeats of an agent not accepted, passed on to the agents").doesNotContain(node);

        // deleted, the key is asked for again, and this time accepted
        given().header(OsdApi.REQUESTED_BY, "admin").delete("/internal/v2/key/{id}", node).then().statusCode(204);
        agent.signedHeartbeat(heartbeat(agent, node, fsid));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/key/{id}", node).then().statusCode(200).body("status", equalTo("pre")));
        BrokerClient.decideKey(node, "accepted", 200);
        BrokerClient.decideKey(node, "accepted", 200);
        agent.signedHeartbeat(heartbeat(agent, node, fsid));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            given().get("/internal/v2/server/{fqdn}", node + ".example.com").then().statusCode(200);
            assertThat(commands).as("the map fetches an accepted agent is asked for").isNotEmpty();
            assertThat(peersHeard).as("the agents hear of an accepted agent").contains(node);
        });
        given().get("/internal/v2/key/{id}", node).then().body("decided_by", equalTo("admin"));
    }

    @Test
    void heartbeats_not_signed_by_the_accepted_key_are_ignored() throws Exception {
        String node = "signed-" + UUID.randomUUID();
        String fsid = UUID.randomUUID().toString();
        agent.heartbeat(heartbeat(agent, node, fsid));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/server/{fqdn}", node + ".example.com").then().statusCode(200));

        String intruder = "unsigned-" + UUID.randomUUID();
        long unsignedBefore = refusedAs("bad-signature");
        agent.publishAsHeartbeat(intruder, WireCodec.asWireMessage(new WireCodec().encode(heartbeat(agent, intruder, fsid))));
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedAs("bad-signature") > unsignedBefore);
        // the impostor claims the accepted node with its own key: the broker does not even let it in
        assertThatThrownBy(() -> impostor.logIn(node)).as("a login under another key than the accepted one").isInstanceOf(Exception.class);
        given().get("/internal/v2/key/{id}", intruder).then().statusCode(404);
        given().get("/internal/v2/key/{id}", node).then().body("status", equalTo("accepted"))
                .body("fingerprint", equalTo(AgentSignatures.fingerprint(agent.publicKey())));
    }

    @Test
    void a_waiting_key_is_not_replaced_by_a_second_one_and_an_acceptance_names_the_key() throws Exception {
        String node = "contested-" + UUID.randomUUID();
        agent.signedHeartbeat(heartbeat(agent, node, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/key/{id}", node).then()
                .statusCode(200).body("fingerprint", equalTo(agent.fingerprint())));

        assertThatThrownBy(() -> impostor.logIn(node)).as("a login under a second key").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> impostor.logIn(node)).as("asked again").isInstanceOf(Exception.class);
        String told = "Agent " + node + " asks under a second key " + impostor.fingerprint() + " while key " + agent.fingerprint()
                + " waits; delete the waiting key to let the second one ask";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/event?page_size=1000").then().body("results.message", hasItem(told)));
        assertThat(given().get("/internal/v2/event?page_size=1000").then().extract().<List<String>>path("results.message"))
                .as("told once").filteredOn(told::equals).hasSize(1);
        given().get("/internal/v2/key/{id}", node).then().body("status", equalTo("pre")).body("fingerprint", equalTo(agent.fingerprint()));

        given().contentType(ContentType.JSON).header(OsdApi.REQUESTED_BY, "admin")
                .body("{\"status\": \"accepted\", \"fingerprint\": \"" + impostor.fingerprint() + "\"}")
                .patch("/internal/v2/key/{id}", node).then().statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("FingerprintMismatch"));
        given().get("/internal/v2/key/{id}", node).then().body("status", equalTo("pre"));
        BrokerClient.decideKey(node, "accepted", agent.fingerprint(), 200);
    }

    @Test
    void decisions_are_validated_and_all_or_nothing() throws Exception {
        String node = "bulk-" + UUID.randomUUID();
        agent.signedHeartbeat(heartbeat(agent, node, UUID.randomUUID().toString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/key/{id}", node).then().statusCode(200));

        given().contentType(ContentType.JSON).body("[{\"id\": \"" + node + "\", \"status\": \"accepted\"}, {\"id\": \"nobody\", \"status\": \"accepted\"}]")
                .patch("/internal/v2/key").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].id"));
        given().get("/internal/v2/key/{id}", node).then().body("status", equalTo("pre"));
        BrokerClient.decideKey(node, "maybe", 400);
        given().contentType(ContentType.JSON).body("[{\"id\": \"" + node + "\", \"status\": \"accepted\"}]")
                .patch("/internal/v2/key").then().statusCode(200).body("[0].status", equalTo("accepted"));
        given().get("/internal/v2/key").then().statusCode(200).body("id", hasItem(node));
        given().get("/internal/v2/key/{id}", "nobody").then().statusCode(404);
    }
}
