package io.loligo.agent.command;

import io.loligo.agent.ceph.ClusterMapReader;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.ceph.RadosException;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.MDC;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs the commands cluster-service sends to this agent's durable queue, and answers each on the replies queue.
 * The command is acknowledged only once its reply is handed to the broker, so a crash in between means a
 * redelivery, never a lost command.
 */
@ApplicationScoped
public class CommandConsumer {
    private final WireCodec codec = new WireCodec();

    @Inject
    ClusterProbe cluster;
    @Inject
    AgentConfig config;
    @Inject
    @Channel("replies")
    Emitter<byte[]> replies;

    @Incoming("commands")
    @Blocking
    public CompletionStage<Void> onCommand(Message<?> message) {
        CommandEnvelope envelope;
        try {
            envelope = codec.decode(message.getPayload(), CommandEnvelope.class);
        } catch (MalformedMessageException | IllegalStateException e) {
            Log.warnf("rejected a malformed command: %s", e.getMessage());
            return message.nack(e);
        }
        MDC.put("command", envelope.commandId());
        try {
            WireCodec.WireMessage wire = codec.toWire(run(envelope));
            OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                    .withContentType(wire.contentType()).withDurable(true).build();
            CompletableFuture<Void> accepted = new CompletableFuture<>();
            replies.send(Message.of(wire.body(), Metadata.of(amqp))
                    .withAck(() -> {
                        accepted.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        accepted.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            // the broker holds the reply now; only then is the command done with
            return accepted.thenCompose(done -> message.ack())
                    .exceptionallyCompose(failure -> message.nack(failure));
        } finally {
            MDC.remove("command");
        }
    }

    private CommandReply run(CommandEnvelope envelope) {
        if (envelope.command() instanceof FetchClusterMap fetch) {
            return fetch(envelope, fetch);
        }
        throw new IllegalStateException("no handler for " + envelope.command().getClass().getSimpleName());
    }

    private CommandReply fetch(CommandEnvelope envelope, FetchClusterMap fetch) {
        MDC.put("fsid", fetch.fsid());
        try {
            ClusterMapReader.Versioned map = cluster.read(fetch.map());
            Log.debugf("fetched %s version %d", fetch.map(), map.version());
            return new CommandReply(envelope.commandId(), config.nodeId(), null,
                    new CommandReply.MapContent(fetch.fsid(), fetch.map(), map.version(), map.content()));
        } catch (RadosException | UncheckedIOException e) {
            Log.warnf("could not fetch %s: %s", fetch.map(), e.getMessage());
            String reason = e instanceof RadosException rados && rados.isTimeout() ? "Timeout" : "RadosError";
            return new CommandReply(envelope.commandId(), config.nodeId(), new CommandReply.Failure(reason, e.getMessage()), null);
        } finally {
            MDC.remove("fsid");
        }
    }
}
