package io.loligo.cluster.sync;

import io.loligo.cluster.agent.AgentKeys;
import io.loligo.cluster.request.Requests;
import io.loligo.contracts.bus.MessageSender;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Takes the agents' replies from the durable replies queue. A reply that cannot be read, that the broker does not
 * vouch came from the agent it names, or that comes from an agent not accepted, is rejected and logged.
 */
@ApplicationScoped
public class ReplyConsumer {
    private final WireCodec codec = new WireCodec();

    @Inject
    MapSync sync;
    @Inject
    LiveReads liveReads;
    @Inject
    Requests requests;
    @Inject
    AgentKeys keys;
    @ConfigProperty(name = "amqp-username")
    String serviceUser;

    @Incoming("replies")
    @Blocking
    public CompletionStage<Void> onReply(Message<?> message) {
        CommandReply reply;
        try {
            reply = codec.decode(message.getPayload(), CommandReply.class);
        } catch (MalformedMessageException | IllegalStateException e) {
            Log.warnf("rejected a malformed reply: %s", e.getMessage());
            return message.nack(e);
        }
        String sender = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getUserId).orElse(null);
        if (!MessageSender.vouchesFor(sender, reply.nodeId(), serviceUser)) {
            Log.warnf("rejected a reply that names agent %s but came from broker user %s", reply.nodeId(), sender);
            return message.nack(new IllegalArgumentException("reply not sent by the agent it names"));
        }
        if (!sender.equals(serviceUser) && !keys.isAccepted(reply.nodeId())) {
            Log.warnf("rejected a reply of agent %s, whose key is not accepted", reply.nodeId());
            return message.nack(new IllegalArgumentException("reply of an agent not accepted"));
        }
        MDC.put("node", reply.nodeId());
        MDC.put("command", reply.commandId());
        if (reply.map() != null) {
            MDC.put("fsid", reply.map().fsid());
        }
        try {
            if (Requests.answers(reply)) {
                requests.onReply(reply, Instant.now());
            } else if (!liveReads.complete(reply)) {
                sync.onReply(reply, Instant.now());
            }
            return message.ack();
        } catch (RuntimeException e) {
            Log.errorf(e, "could not store the reply to %s", reply.commandId());
            return message.nack(e);
        } finally {
            MDC.remove("node");
            MDC.remove("command");
            MDC.remove("fsid");
        }
    }
}
