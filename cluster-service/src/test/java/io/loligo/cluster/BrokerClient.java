package io.loligo.cluster;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.wire.WireCodec;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Publishes on the real broker as agents do (heartbeats and replies to the topic exchange), and also what no agent
 * should send. It logs in as the services' broker user, which may publish under any agent's routing key.
 */
public final class BrokerClient implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final WireCodec codec = new WireCodec();
    private final AmqpClient client;
    private final AmqpSender topic;
    private final AmqpSender replies;
    private final AmqpConnection connection;
    private final KeyPair key = AgentSignatures.newKeyPair();
    private final Set<String> accepted = new HashSet<>();

    public BrokerClient() throws Exception {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(5672)
                .setUsername("guest").setPassword("guest"));
        connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        topic = connection.createSender("/exchange/amq.topic").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        replies = connection.createSender("/exchange/amq.topic/loligo-test.reply.broker-client").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The key this client signs heartbeats with, for every node it plays. */
    public String publicKey() {
        return AgentSignatures.encode(key.getPublic());
    }

    /**
     * Publishes a heartbeat as an accepted agent sends it, signed. A node's first one is accepted first, through
     * the API as an administrator would: published, found pending, accepted, then published again.
     */
    public void heartbeat(NodeHeartbeat heartbeat) throws Exception {
        signedHeartbeat(heartbeat);
        if (accepted.add(heartbeat.nodeId())) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    given().get("/internal/v2/key/{id}", heartbeat.nodeId()).then().statusCode(200));
            decideKey(heartbeat.nodeId(), "accepted", 200);
            signedHeartbeat(heartbeat);
        }
    }

    /** Decides an agent's key as an administrator would, expecting the given status code. */
    public static void decideKey(String nodeId, String status, int expected) {
        given().contentType("application/json").header(OsdApi.REQUESTED_BY, "admin").body("{\"status\": \"" + status + "\"}")
                .patch("/internal/v2/key/{id}", nodeId).then().statusCode(expected);
    }

    /** A heartbeat signed with this client's key, accepted or not. */
    public void signedHeartbeat(NodeHeartbeat heartbeat) throws Exception {
        byte[] json = codec.encode(heartbeat);
        send(topic, AmqpMessage.create().subject("loligo-test.heartbeat." + heartbeat.nodeId()).contentType("application/json")
                .applicationProperties(new JsonObject(AgentSignatures.signatureProperties(key.getPrivate(), json)))
                .withBufferAsBody(Buffer.buffer(json)).build());
    }

    public void publishJson(String routingKey, byte[] json) throws Exception {
        send(topic, AmqpMessage.create().subject(routingKey).contentType("application/json").withBufferAsBody(Buffer.buffer(json)).build());
    }

    public void publishText(String routingKey, String text) throws Exception {
        send(topic, AmqpMessage.create().subject(routingKey).withBody(text).build());
    }

    public void reply(byte[] json) throws Exception {
        send(replies, fromServiceUser(AmqpMessage.create().contentType("application/json").withBufferAsBody(Buffer.buffer(json)).build()));
    }

    /** As an agent sends it: compressed when large. */
    public void reply(WireCodec.WireMessage wire) throws Exception {
        send(replies, replyMessage(wire));
    }

    /**
     * The same on another thread, without waiting: a command handler runs on the client's event loop, which the
     * broker's acknowledgement needs.
     */
    public void replyWithoutWaiting(WireCodec.WireMessage wire) {
        CompletableFuture.runAsync(() -> {
            try {
                reply(wire);
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not take the reply", e);
            }
        });
    }

    private static AmqpMessage replyMessage(WireCodec.WireMessage wire) {
        return fromServiceUser(AmqpMessage.create().contentType(wire.contentType()).withBufferAsBody(Buffer.buffer(wire.body())).build());
    }

    /**
     * Marks a reply as sent by the services' broker user, which this client logs in as: cluster-service believes
     * such a reply whatever agent it names, as it believes an agent's own.
     */
    private static AmqpMessage fromServiceUser(AmqpMessage message) {
        message.unwrap().setUserId("guest".getBytes(StandardCharsets.UTF_8));
        return message;
    }

    /** Takes the commands sent to an agent, as the agent's own durable queue delivers them. */
    public void onCommands(String nodeId, Consumer<CommandEnvelope> handler) throws Exception {
        connection.createReceiver("/queue/loligo-test.cmd." + nodeId, new AmqpReceiverOptions().setDurable(true))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(message -> handler.accept(codec.decode(message.bodyAsBinary(), CommandEnvelope.class)));
    }

    /** Hears the heartbeats cluster-service passes on to the agents, as every agent does. */
    public void onPeers(Consumer<NodeHeartbeat> handler) throws Exception {
        connection.createReceiver("/topic/loligo-test.peer.#").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(message -> handler.accept(codec.decode(message.bodyAsBinary(), NodeHeartbeat.class)));
    }

    private static void send(AmqpSender sender, AmqpMessage message) throws Exception {
        sender.sendWithAck(message).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
