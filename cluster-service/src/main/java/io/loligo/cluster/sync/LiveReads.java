package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.refusal.DependencyTimedOut;
import io.loligo.contracts.refusal.Refusal;
import io.loligo.contracts.refusal.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Figures that move too often to keep (usage, the cluster log) are read through the cluster's favoured agent while
 * the caller waits, as Calamari's synchronous mon jobs were.
 */
@ApplicationScoped
public class LiveReads {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    /** A read on its way: the agent asked, and the caller waiting for its answer. */
    private record Waiting(String agent, CompletableFuture<CommandReply> answer) {
    }

    @Inject
    MapSync sync;
    @Inject
    RefusedAgentMessages refused;
    @Inject
    CommandSender commands;

    /** @throws Unavailable when no agent reports the cluster or the agent failed, DependencyTimedOut when it did not answer */
    public JsonNode read(AgentCommand command) {
        return read(command, TIMEOUT);
    }

    /** As {@link #read(AgentCommand)}, for a read that may take longer. */
    public JsonNode read(AgentCommand command, Duration timeout) {
        String agent = sync.favouredAgent(command.fsid(), Instant.now()).orElseThrow(() -> new Unavailable("NoAgent",
                "no agent has reported cluster " + command.fsid() + " recently; it cannot be read now"));
        return readFrom(agent, command, timeout);
    }

    /**
     * Asks one agent, for what only the agent of a host knows (its files, its facts).
     *
     * @throws Refusal as {@link #read(AgentCommand)}, with the agent's own reason when it could not answer
     */
    public JsonNode readFrom(String agent, AgentCommand command) {
        return readFrom(agent, command, TIMEOUT);
    }

    private JsonNode readFrom(String agent, AgentCommand command, Duration timeout) {
        String commandId = UUID.randomUUID().toString();
        CompletableFuture<CommandReply> answer = new CompletableFuture<>();
        // registered before sending: the reply can come back before send returns
        waiting.put(commandId, new Waiting(agent, answer));
        try {
            commands.send(commandId, agent, command);
            CommandReply reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.error() != null) {
                throw new Unavailable(reply.error().reason(), "agent " + agent + " could not answer: " + reply.error().message());
            }
            return reply.output();
        } catch (TimeoutException e) {
            throw new DependencyTimedOut("AgentTimeout", "agent " + agent + " did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted", "the read from agent " + agent + " was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a live read never completes exceptionally", e);
        } finally {
            waiting.remove(commandId);
        }
    }

    /** @return whether the reply answered a read still waiting; a late one is dropped here too, as is one from another agent */
    public boolean complete(CommandReply reply) {
        Waiting read = waiting.get(reply.commandId());
        if (read != null && !read.agent().equals(reply.nodeId())) {
            refused.refuse("not-the-agent-asked", "a reply to read %s from agent %s: the read went to %s",
                    reply.commandId(), reply.nodeId(), read.agent());
            return true;
        }
        if (read != null) {
            waiting.remove(reply.commandId());
            read.answer().complete(reply);
            return true;
        }
        return reply.output() != null;
    }
}
