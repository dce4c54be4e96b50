package io.loligo.cluster;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.loligo.contracts.wire.WireCodec;
import io.restassured.RestAssured;
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
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agents on the real broker, as a node-agent is one: each node it plays logs in under its own name with this client's
 * key (the broker asks this service, as {@code dev/lib/rabbitmq.sh} sets it up), publishes its heartbeats and replies
 * under its own routing keys with its own {@code user-id}, and takes its own command queue. It also logs in as the
 * services' broker user, for what only the services may do.
 */
public final class BrokerClient implements AutoCloseable {
    private static final String PREFIX = "loligo-test.";
    private final Vertx vertx = Vertx.vertx();
    private final WireCodec codec = new WireCodec();
    private final AmqpConnection services;
    private final KeyPair key;
    private final Set<String> accepted = new HashSet<>();
    private final Map<String, AgentLink> agents = new ConcurrentHashMap<>();

    /** One node's own connection and its senders. */
    private record AgentLink(AmqpConnection connection, AmqpSender heartbeats, AmqpSender replies) {
    }

    public BrokerClient() throws Exception {
        this(AgentSignatures.newKeyPair());
    }

    /** A client signing with a given key: two clients with the same key are one agent's two processes. */
    public BrokerClient(KeyPair key) throws Exception {
        this.key = key;
        services = connect("guest", "guest");
    }

    /** The port of the service the broker asks now. */
    private static volatile int brokerAsks;

    /**
     * Has the broker ask this test's cluster-service which agent may log in and do what. Called once a test runs:
     * Quarkus sets the service's port for each test, not before the class.
     */
    public static synchronized void brokerAsksThisService() throws Exception {
        if (brokerAsks == RestAssured.port) {
            return;
        }
        Process process = new ProcessBuilder("bash", "-c",
                "set -e; source ../dev/lib/common.sh; source ../dev/lib/rabbitmq.sh; BROKER_NODE=$TEST_BROKER_NODE broker_asks_cluster_service \"$1\" \"$2\"",
                "-", "http://127.0.0.1:" + RestAssured.port, new String(SignedCalls.secret(), StandardCharsets.UTF_8)).inheritIO().start();
        assertThat(process.waitFor()).as("broker_asks_cluster_service").isZero();
        brokerAsks = RestAssured.port;
    }

    /** The key this client signs heartbeats with, for every node it plays. */
    public String publicKey() {
        return AgentSignatures.encode(key.getPublic());
    }

    public String fingerprint() {
        return AgentSignatures.fingerprint(publicKey());
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
            decideKey(heartbeat.nodeId(), "accepted", fingerprint(), 200);
            signedHeartbeat(heartbeat);
        }
    }

    /** Decides an agent's key as an administrator would, expecting the given status code. */
    public static void decideKey(String nodeId, String status, int expected) {
        decideKey(nodeId, status, null, expected);
    }

    /** The same, naming the key decided on. */
    public static void decideKey(String nodeId, String status, String fingerprint, int expected) {
        JsonObject body = new JsonObject().put("status", status);
        if (fingerprint != null) {
            body.put("fingerprint", fingerprint);
        }
        given().contentType("application/json").header(OsdApi.REQUESTED_BY, "admin").body(body.encode())
                .patch("/internal/v2/key/{id}", nodeId).then().statusCode(expected);
    }

    /** A heartbeat signed with this client's key, accepted or not, sent now as an agent sends each. */
    public void signedHeartbeat(NodeHeartbeat heartbeat) throws Exception {
        sendAsIs(sentNow(heartbeat));
    }

    /** A heartbeat exactly as given, its {@code sentAt} too: a replay, or one from the past. */
    public void sendAsIs(NodeHeartbeat heartbeat) throws Exception {
        byte[] json = codec.encode(heartbeat);
        publish(heartbeat.nodeId(), AmqpMessage.create().contentType("application/json")
                .applicationProperties(new JsonObject(AgentSignatures.signatureProperties(key.getPrivate(), json)))
                .withBufferAsBody(Buffer.buffer(json)).build());
    }

    private static NodeHeartbeat sentNow(NodeHeartbeat h) {
        return new NodeHeartbeat(h.schema(), h.nodeId(), h.fqdn(), h.hostname(), Instant.now(), h.periodSeconds(), h.bootTime(),
                h.os(), h.cephVersion(), h.services(), h.clusters(), h.interfaces(), h.publicKey());
    }

    /** Any body, as a node's heartbeat, with the node's user-id. */
    public void publishAsHeartbeat(String nodeId, WireCodec.WireMessage body) throws Exception {
        publish(nodeId, AmqpMessage.create().contentType(body.contentType()).withBufferAsBody(Buffer.buffer(body.body())).build());
    }

    /** Text that is not JSON, as a node's heartbeat. */
    public void publishTextAsHeartbeat(String nodeId, String text) throws Exception {
        publish(nodeId, AmqpMessage.create().withBody(text).build());
    }

    private void publish(String nodeId, AmqpMessage message) throws Exception {
        message.unwrap().setUserId(nodeId.getBytes(StandardCharsets.UTF_8));
        send(link(nodeId).heartbeats(), message);
    }

    /** A heartbeat published by the services' broker user, which never sends one. */
    public void heartbeatFromServices(NodeHeartbeat heartbeat) throws Exception {
        byte[] json = codec.encode(sentNow(heartbeat));
        AmqpMessage message = AmqpMessage.create().contentType("application/json")
                .applicationProperties(new JsonObject(AgentSignatures.signatureProperties(key.getPrivate(), json)))
                .withBufferAsBody(Buffer.buffer(json)).build();
        message.unwrap().setUserId("guest".getBytes(StandardCharsets.UTF_8));
        AmqpSender sender = completed(services.createSender("/exchange/amq.topic/" + PREFIX + "heartbeat." + heartbeat.nodeId()));
        send(sender, message);
    }

    /** A reply as the node's agent sends it: compressed when large. */
    public void reply(String nodeId, CommandReply reply) throws Exception {
        reply(nodeId, codec.toWire(reply));
    }

    public void reply(String nodeId, WireCodec.WireMessage wire) throws Exception {
        AmqpMessage message = AmqpMessage.create().contentType(wire.contentType()).withBufferAsBody(Buffer.buffer(wire.body())).build();
        message.unwrap().setUserId(nodeId.getBytes(StandardCharsets.UTF_8));
        send(link(nodeId).replies(), message);
    }

    /**
     * The same on another thread, without waiting: a command handler runs on the client's event loop, which the
     * broker's acknowledgement needs.
     */
    public void replyWithoutWaiting(String nodeId, WireCodec.WireMessage wire) {
        CompletableFuture.runAsync(() -> {
            try {
                reply(nodeId, wire);
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not take the reply", e);
            }
        });
    }

    /** Takes the commands sent to an agent, as the agent's own durable queue delivers them. */
    public void onCommands(String nodeId, Consumer<CommandEnvelope> handler) throws Exception {
        completed(link(nodeId).connection().createReceiver("/queue/" + PREFIX + "cmd." + nodeId, new AmqpReceiverOptions().setDurable(true)))
                .handler(message -> handler.accept(codec.decode(message.bodyAsBinary(), CommandEnvelope.class)));
    }

    /** Hears the heartbeats cluster-service passes on to the agents, as every agent does. */
    public void onPeers(Consumer<NodeHeartbeat> handler) throws Exception {
        completed(services.createReceiver("/topic/" + PREFIX + "peer.#"))
                .handler(message -> handler.accept(codec.decode(message.bodyAsBinary(), NodeHeartbeat.class)));
    }

    /**
     * The node's own connection, logged in with this client's key.
     *
     * @throws Exception when the broker refuses the login, as it does under a key that is not the node's
     */
    public void logIn(String nodeId) throws Exception {
        link(nodeId);
    }

    private AgentLink link(String nodeId) throws Exception {
        AgentLink link = agents.get(nodeId);
        if (link == null) {
            brokerAsksThisService();
            AmqpConnection connection = connect(nodeId, BrokerLogins.password(nodeId, publicKey(), key.getPrivate()));
            link = new AgentLink(connection, completed(connection.createSender("/exchange/amq.topic/" + PREFIX + "heartbeat." + nodeId)),
                    completed(connection.createSender("/exchange/amq.topic/" + PREFIX + "reply." + nodeId)));
            agents.put(nodeId, link);
        }
        return link;
    }

    private AmqpConnection connect(String username, String password) throws Exception {
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(ConfigProvider.getConfig().getValue("amqp-port", Integer.class))
                .setUsername(username).setPassword(password));
        return completed(client.connect());
    }

    private static <T> T completed(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void send(AmqpSender sender, AmqpMessage message) throws Exception {
        completed(sender.sendWithAck(message));
    }

    @Override
    public void close() {
        vertx.close();
    }
}
