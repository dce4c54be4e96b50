package io.loligo.contracts.command;

import java.time.Instant;
import java.util.Objects;

/**
 * A command on its way to one agent.
 *
 * @param commandId unique per command: the agent's reply carries it, and a redelivered command is recognised by it
 * @param nodeId the agent that must run it
 * @param issuedAt when cluster-service sent it; agents drop commands older than they can still serve
 */
public record CommandEnvelope(String commandId, String nodeId, Instant issuedAt, AgentCommand command) {
    public CommandEnvelope {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(command, "command");
    }
}
