package io.loligo.cluster.sync;

import io.loligo.cluster.request.Requests;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** Takes the agents' replies from the durable replies queue. A reply that cannot be read is rejected and logged. */
@ApplicationScoped
public class ReplyConsumer {
    private final WireCodec codec = new WireCodec();

    @Inject
    MapSync sync;
    @Inject
    LiveReads liveReads;
    @Inject
    Requests requests;

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
