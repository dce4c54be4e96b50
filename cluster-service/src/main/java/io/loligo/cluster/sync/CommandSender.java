package io.loligo.cluster.sync;

import io.loligo.contracts.bus.BusRoutes;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.wire.WireCodec;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.Instant;
import java.util.UUID;

/**
 * Puts commands on each agent's durable queue. The broker offers no anonymous relay, so every message goes to the
 * default exchange with the agent's queue name as its subject.
 */
@ApplicationScoped
public class CommandSender {
    private final WireCodec codec = new WireCodec();

    @Inject
    @Channel("commands")
    Emitter<byte[]> commands;

    @Inject
    BusRoutes routes;

    /** @return the command's id, which its reply will carry */
    public String send(String nodeId, AgentCommand command) {
        String commandId = UUID.randomUUID().toString();
        send(commandId, nodeId, command);
        return commandId;
    }

    /** For a caller that must know the id before the command leaves. */
    public void send(String commandId, String nodeId, AgentCommand command) {
        CommandEnvelope envelope = new CommandEnvelope(commandId, nodeId, Instant.now(), command);
        WireCodec.WireMessage wire = codec.toWire(envelope);
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withSubject(routes.commandQueue(nodeId))
                .withContentType(wire.contentType())
                .withDurable(true)
                .build();
        commands.send(Message.of(wire.body(), Metadata.of(amqp)));
    }
}
