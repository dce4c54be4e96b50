package io.loligo.cluster.sync;

import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.ReadUsage;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Reads through an agent while the caller waits, over the real broker: answered, failed and unanswered. */
@QuarkusTest
class LiveReadTest {
    private final WireCodec codec = new WireCodec();
    private BrokerClient broker;

    @BeforeEach
    void connect() throws Exception {
        broker = new BrokerClient();
    }

    @AfterEach
    void disconnect() {
        broker.close();
    }

    @Test
    void usageIsReadThroughTheFavouredAgentAndAnAgentThatDoesNotAnswerIsNamed() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String agent = "live-" + UUID.randomUUID();
        var df = CephFixtures.json("df-detail.json");
        AtomicBoolean answering = new AtomicBoolean(true);
        broker.onCommands(agent, envelope -> {
            if (answering.get() && envelope.command() instanceof ReadUsage) {
                broker.replyWithoutWaiting(agent, codec.toWire(CommandReply.withOutput(envelope.commandId(), agent, df)));
            }
        });
        NodeHeartbeat heartbeat = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, agent, agent + ".example.com", agent,
                Instant.now(), 5, Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", Map.of())), List.of(), broker.publicKey());
        broker.heartbeat(heartbeat);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));

        given().get("/internal/v2/cluster/{fsid}/stats", fsid).then().statusCode(200)
                .body("kb", equalTo((int) (df.path("stats").path("total_bytes").asLong() / 1024)));
        given().get("/internal/v2/cluster/{fsid}/pool/stats", fsid).then().statusCode(200)
                .body("name", equalTo(df.path("pools").findValuesAsText("name")));

        answering.set(false);
        given().get("/internal/v2/cluster/{fsid}/space", fsid).then().statusCode(504)
                .contentType("application/problem+json").body("reason", equalTo("AgentTimeout"));
    }
}
