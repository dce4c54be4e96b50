package io.loligo.cluster.heartbeat;

import io.loligo.cluster.agent.AgentTrust;
import io.loligo.cluster.broker.BrokerConfig;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.cluster.server.ServerInventory;
import io.loligo.cluster.sync.MapSync;
import io.loligo.contracts.bus.BusRoutes;
import io.loligo.contracts.bus.MessageSender;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.MessageTooLargeException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Takes every agent's heartbeat from this service's own subscription to the heartbeat topic, and acts on those of
 * accepted agents, which it also passes on to the agents. Cheap checks come first: the broker must vouch that an
 * agent sent it (its {@code user-id}, which RabbitMQ checks against the login, and the routing key, which it holds
 * each agent to) before the body is read, and the body is read only up to its bound. A message that is not a valid
 * heartbeat is rejected and counted; it never stops the stream.
 */
@ApplicationScoped
public class HeartbeatConsumer {
    public static final String CHANNEL = "heartbeats";

    private final WireCodec codec = new WireCodec();

    @Inject
    AgentTrust trust;
    @Inject
    BrokerConfig broker;
    @Inject
    RefusedAgentMessages refused;
    @Inject
    ServerInventory inventory;
    @Inject
    MapSync mapSync;
    @Inject
    BusRoutes routes;
    @Inject
    @Channel("peers")
    // a heartbeat that cannot leave now is worthless later: never queue them up
    @OnOverflow(OnOverflow.Strategy.DROP)
    Emitter<byte[]> peers;

    /**
     * Tells the agents of an accepted agent: they hear each other only through this service, so that an agent not
     * accepted has no say in which agent writes a cluster's series. While this service is away, agents hear nobody,
     * and each writes the series of its clusters; the points of two writers carry the same times.
     */
    private void passOn(NodeHeartbeat heartbeat) {
        WireCodec.WireMessage wire = codec.toWire(heartbeat);
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder().withSubject(routes.peer(heartbeat.nodeId()))
                .withContentType(wire.contentType()).withDurable(false).build();
        peers.send(Message.of(wire.body(), Metadata.of(amqp)));
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onHeartbeat(Message<?> message) {
        String sender = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getUserId).orElse(null);
        if (sender == null || trust.isReserved(sender)) {
            // the services never send heartbeats, and an agent cannot publish without its user-id (agents set it)
            refused.refuse("not-from-an-agent", "a heartbeat sent by broker user %s, not by an agent", sender);
            return message.nack(new IllegalArgumentException("heartbeat not sent by an agent"));
        }
        NodeHeartbeat heartbeat;
        try {
            heartbeat = codec.decode(message.getPayload(), NodeHeartbeat.class, broker.heartbeatMaxBytes());
        } catch (MessageTooLargeException e) {
            refused.refuse("too-large", "a heartbeat from %s %s", sender, e.getMessage());
            return message.nack(e);
        } catch (MalformedMessageException | IllegalStateException e) {
            refused.refuse("malformed", "a malformed heartbeat from %s: %s", sender, e.getMessage());
            return message.nack(e);
        }
        if (!MessageSender.isAgent(sender, heartbeat.nodeId())) {
            refused.refuse("not-its-own", "a heartbeat that names agent %s, sent by %s", heartbeat.nodeId(), sender);
            return message.nack(new IllegalArgumentException("heartbeat not sent by the agent it names"));
        }
        MDC.put("node", heartbeat.nodeId());
        heartbeat.clusters().stream().findFirst().ifPresent(c -> MDC.put("fsid", c.fsid()));
        try {
            Instant now = Instant.now();
            String signature = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getProperties)
                    .map(properties -> properties.getString(AgentSignatures.SIGNATURE_PROPERTY)).orElse(null);
            try {
                // signed as the agent encoded it: the connector hands JSON bodies over parsed, not as they were sent
                if (!trust.trusts(heartbeat, codec.encode(heartbeat), signature, now)) {
                    // read and understood, but not to be acted on: no server, no map fetch, no command
                    return message.ack();
                }
                inventory.record(heartbeat, now);
            } catch (RuntimeException e) {
                // never thrown on: an exception out of this method would end the subscription for good (the database
                // away, say); the agent's next heartbeat brings the same news
                Log.errorf(e, "could not record the heartbeat of %s", heartbeat.fqdn());
                return message.nack(e);
            }
            try {
                mapSync.onHeartbeat(heartbeat, now);
            } catch (RuntimeException e) {
                // the heartbeat itself is recorded; the next one retries whatever fetch failed to go out
                Log.errorf(e, "could not ask %s for the maps that moved", heartbeat.nodeId());
            }
            passOn(heartbeat);
            return message.ack();
        } finally {
            MDC.remove("node");
            MDC.remove("fsid");
        }
    }
}
