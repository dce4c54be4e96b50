package io.loligo.cluster.broker;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.BrokerClient;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Agents on the real broker, logged in with their keys, while the broker asks this service what each may do
 * (RabbitMQ's HTTP auth backend, set up by dev/lib/rabbitmq.sh as dev/up sets it up). Each refusal ends the AMQP
 * connection it happened on, so every attempt gets one of its own.
 */
@QuarkusTest
class BrokerLoginTest {
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(3);
    private final WireCodec codec = new WireCodec();
    private final Vertx vertx = Vertx.vertx();
    private final String node = "broker-" + UUID.randomUUID();
    private final KeyPair key = AgentSignatures.newKeyPair();
    private final String publicKey = AgentSignatures.encode(key.getPublic());
    @Inject
    RefusedAgentMessages refused;

    @BeforeEach
    void brokerAsksThisService() throws Exception {
        BrokerClient.brokerAsksThisService();
    }

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void aLoginThatProvesNoKeyIsRefused() {
        assertThatThrownBy(() -> connect(node, "not a key")).as("no key").isInstanceOf(Exception.class);
        String anotherNodesPassword = BrokerLogins.password("another-node", publicKey, key.getPrivate());
        assertThatThrownBy(() -> connect(node, anotherNodesPassword)).as("signed for another name").isInstanceOf(Exception.class);
    }

    @Test
    void aPendingAgentAsksToBeAcceptedButSendsNoMetrics() throws Exception {
        assertThat(publishes(node, "heartbeat." + node, heartbeat())).as("own heartbeat").isEqualTo(Outcome.TAKEN);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/key/{id}", node).then().statusCode(200).body("status", equalTo("pre")));

        assertThat(publishes(node, "metrics." + node, "{}".getBytes(StandardCharsets.UTF_8))).as("metrics while pending").isEqualTo(Outcome.DENIED_BY_THIS_SERVICE);
        assertThat(publishes(node, "heartbeat.someone-else", heartbeat())).as("another's heartbeat").isEqualTo(Outcome.DENIED_BY_THIS_SERVICE);
        assertThat(takes(node, "loligo-test.cmd." + node)).as("own command queue").isEqualTo(Outcome.TAKEN);
    }

    @Test
    void anAcceptedAgentAnswersUnderItsOwnNameOnly() throws Exception {
        askAndBe(heartbeat(), "accepted");

        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(publishes(node, "metrics." + node, body)).as("own metrics").isEqualTo(Outcome.TAKEN);
        assertThat(publishes(node, "reply." + node, body)).as("own reply").isEqualTo(Outcome.TAKEN);
        assertThat(publishes(node, "reply.someone-else", body)).as("under another's routing key").isEqualTo(Outcome.DENIED_BY_THIS_SERVICE);
        assertThat(publishes(node, "reply." + node, body, "someone-else")).as("as another broker user").isEqualTo(Outcome.REFUSED_BY_THE_BROKER);
        assertThat(takes(node, "loligo-test.cmd.someone-else")).as("another's command queue").isEqualTo(Outcome.DENIED_BY_THIS_SERVICE);
        assertThat(takes(node, "loligo-test.replies")).as("cluster-service's queue").isEqualTo(Outcome.DENIED_BY_THIS_SERVICE);
    }

    @Test
    void aRejectedAgentIsShutOut() throws Exception {
        askAndBe(heartbeat(), "rejected");

        assertThatThrownBy(() -> connect(node, BrokerLogins.password(node, publicKey, key.getPrivate()))).isInstanceOf(Exception.class);
    }

    @Test
    void aReplyCountsOnlyFromTheAcceptedAgentItNames() throws Exception {
        String fsid = UUID.randomUUID().toString();
        String pending = node + "-pending";
        AmqpConnection agent = connect(node, BrokerLogins.password(node, publicKey, key.getPrivate()));
        AmqpConnection stranger = connect(pending, BrokerLogins.password(pending, publicKey, key.getPrivate()));
        AmqpSender agentReplies = sender(agent, "reply." + node);
        AmqpSender strangerReplies = sender(stranger, "reply." + pending);
        // a usage read goes to the agent, and is answered by the stranger first, then by the agent itself when told to
        AtomicBoolean agentAnswers = new AtomicBoolean();
        List<Throwable> unsent = new CopyOnWriteArrayList<>();
        JsonNode usage = CephFixtures.json("df-detail.json");
        agent.createReceiver("/queue/loligo-test.cmd." + node, new AmqpReceiverOptions().setDurable(true))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(command -> CompletableFuture.runAsync(() -> {
                    String commandId = codec.decode(command.bodyAsBinary(), CommandEnvelope.class).commandId();
                    try {
                        // one naming the agent, which the broker lets the stranger send under its own name only
                        send(strangerReplies, pending, CommandReply.withOutput(commandId, node, usage));
                        // one naming the stranger, which is not accepted
                        send(strangerReplies, pending, CommandReply.withOutput(commandId, pending, usage));
                        if (agentAnswers.get()) {
                            send(agentReplies, node, CommandReply.withOutput(commandId, node, usage));
                        }
                    } catch (Exception e) {
                        unsent.add(e);
                    }
                }));
        assertThat(publishes(pending, "heartbeat." + pending, heartbeat(pending, fsid))).isEqualTo(Outcome.TAKEN);
        askAndBe(heartbeat(node, fsid), "accepted");
        assertThat(publishes(node, "heartbeat." + node, heartbeat(node, fsid))).isEqualTo(Outcome.TAKEN);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/cluster/{fsid}", fsid).then().statusCode(200));

        given().get("/internal/v2/cluster/{fsid}/stats", fsid).then().statusCode(504).body("reason", equalTo("AgentTimeout"));
        agentAnswers.set(true);
        given().get("/internal/v2/cluster/{fsid}/stats", fsid).then().statusCode(200)
                .body("kb", equalTo((int) (usage.path("stats").path("total_bytes").asLong() / 1024)));
        assertThat(unsent).as("the broker took every reply").isEmpty();
    }

    /** Publishes this node's heartbeat, and decides its key as an administrator would once it is asked for. */
    private void askAndBe(byte[] heartbeat, String status) throws Exception {
        assertThat(publishes(node, "heartbeat." + node, heartbeat)).isEqualTo(Outcome.TAKEN);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/key/{id}", node).then().statusCode(200));
        BrokerClient.decideKey(node, status, 200);
    }

    private AmqpSender sender(AmqpConnection connection, String routingKey) throws Exception {
        return connection.createSender("/exchange/amq.topic/loligo-test." + routingKey).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private void send(AmqpSender sender, String userId, CommandReply reply) throws Exception {
        WireCodec.WireMessage wire = codec.toWire(reply);
        AmqpMessage message = AmqpMessage.create().contentType(wire.contentType()).withBufferAsBody(Buffer.buffer(wire.body())).build();
        message.unwrap().setUserId(userId.getBytes(StandardCharsets.UTF_8));
        sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private byte[] heartbeat() {
        return heartbeat(node, null);
    }

    /** A node's heartbeat, reporting the cluster when there is one. */
    private byte[] heartbeat(String nodeId, String fsid) {
        List<ClusterReport> clusters = fsid == null ? List.of() : List.of(new ClusterReport(fsid, "ceph", Map.of()));
        return codec.encode(new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, nodeId, nodeId + ".example.com", nodeId, Instant.now(), 5,
                Instant.now(), null, null, List.of(), clusters, List.of(), publicKey));
    }

    private AmqpConnection connect(String username, String password) throws Exception {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(ConfigProvider.getConfig().getValue("amqp-port", Integer.class))
                .setUsername(username).setPassword(password));
        return client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** What the broker makes of a message published as this agent, under the routing key after the prefix. */
    private Outcome publishes(String username, String routingKey, byte[] body) throws Exception {
        return publishes(username, routingKey, body, username);
    }

    private Outcome publishes(String username, String routingKey, byte[] body, String userId) throws Exception {
        AmqpMessage message = AmqpMessage.create().contentType("application/json").withBufferAsBody(Buffer.buffer(body))
                .applicationProperties(new JsonObject(AgentSignatures.signatureProperties(key.getPrivate(), body))).build();
        message.unwrap().setUserId(userId.getBytes(StandardCharsets.UTF_8));
        return attempt(username, connection -> connection.createSender("/exchange/amq.topic/loligo-test." + routingKey)
                .compose(sender -> sender.sendWithAck(message)));
    }

    /** What the broker makes of this agent consuming from a queue. */
    private Outcome takes(String username, String queue) throws Exception {
        return attempt(username, connection -> connection.createReceiver("/queue/" + queue, new AmqpReceiverOptions().setDurable(true)));
    }

    /** What became of an attempt on a connection of the agent's own. */
    private enum Outcome {
        TAKEN,
        /** The broker asked this service, which denied it. */
        DENIED_BY_THIS_SERVICE,
        /** The broker refused it by its own rules, asking no one. */
        REFUSED_BY_THE_BROKER
    }

    /**
     * Makes the attempt on a connection of the agent's own. A refusal ends that connection, which is how an attempt that
     * failed is told from one that went wrong: one that failed without the broker ending the connection fails the test.
     */
    private Outcome attempt(String username, Function<AmqpConnection, Future<?>> attempt) throws Exception {
        long deniedBefore = denied();
        AmqpConnection connection = connect(username, BrokerLogins.password(username, publicKey, key.getPrivate()));
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        connection.exceptionHandler(ended::complete);
        try {
            attempt.apply(connection).toCompletionStage().toCompletableFuture().get(REFUSAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.TAKEN;
        } catch (ExecutionException | TimeoutException failed) {
            assertThat(ended).as("the broker ended the connection of the failed attempt (%s)", failed)
                    .succeedsWithin(REFUSAL_WAIT);
            // this service counts a denial before it answers the broker, which then ends the connection
            return denied() > deniedBefore ? Outcome.DENIED_BY_THIS_SERVICE : Outcome.REFUSED_BY_THE_BROKER;
        } finally {
            connection.close();
        }
    }

    private long denied() {
        return refused.counts().getOrDefault(BrokerAuthResource.DENIED, 0L);
    }
}
