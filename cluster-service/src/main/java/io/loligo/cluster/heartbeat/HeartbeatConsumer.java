package io.loligo.cluster.heartbeat;

import io.loligo.cluster.agent.AgentKeys;
import io.loligo.cluster.server.ServerInventory;
import io.loligo.cluster.sync.MapSync;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Takes every agent's heartbeat from this service's own subscription to the heartbeat topic, and acts on those of
 * accepted agents. A message that is not a valid heartbeat is rejected and logged; it never stops the stream.
 */
@ApplicationScoped
public class HeartbeatConsumer {
    public static final String CHANNEL = "heartbeats";

    private final WireCodec codec = new WireCodec();

    @Inject
    AgentKeys keys;
    @Inject
    ServerInventory inventory;
    @Inject
    MapSync mapSync;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onHeartbeat(Message<?> message) {
        NodeHeartbeat heartbeat;
        try {
            heartbeat = codec.decode(message.getPayload(), NodeHeartbeat.class);
        } catch (MalformedMessageException | IllegalStateException e) {
            Log.warnf("rejected a malformed heartbeat: %s", e.getMessage());
            return message.nack(e);
        }
        MDC.put("node", heartbeat.nodeId());
        heartbeat.clusters().stream().findFirst().ifPresent(c -> MDC.put("fsid", c.fsid()));
        try {
            Instant now = Instant.now();
            String signature = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getProperties)
                    .map(properties -> properties.getString(AgentSignatures.SIGNATURE_PROPERTY)).orElse(null);
            // signed as the agent encoded it: the connector hands JSON bodies over parsed, not as they were sent
            if (!keys.trusts(heartbeat, codec.encode(heartbeat), signature, now)) {
                // read and understood, but not to be acted on: no server, no map fetch, no command
                return message.ack();
            }
            try {
                inventory.record(heartbeat, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "could not record the heartbeat of %s", heartbeat.fqdn());
                return message.nack(e);
            }
            try {
                mapSync.onHeartbeat(heartbeat, now);
            } catch (RuntimeException e) {
                // the heartbeat itself is recorded; the next one retries whatever fetch failed to go out
                Log.errorf(e, "could not ask %s for the maps that moved", heartbeat.nodeId());
            }
            return message.ack();
        } finally {
            MDC.remove("node");
            MDC.remove("fsid");
        }
    }
}
