package io.loligo.agent.command;

import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.quarkus.logging.Log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The replies to the latest commands, by command id. The broker delivers a command again when its acknowledgement
 * was lost, such as when the broker restarted: the command then gets its first reply again and is not run twice.
 * Pure.
 */
final class AnsweredCommands {
    static final int REMEMBERED = 10_000;
    private final Map<String, CommandReply> replies;

    AnsweredCommands(int remembered) {
        this.replies = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandReply> eldest) {
                return size() > remembered;
            }
        };
    }

    synchronized CommandReply answer(CommandEnvelope envelope, Function<CommandEnvelope, CommandReply> run) {
        CommandReply earlier = replies.get(envelope.commandId());
        if (earlier != null) {
            Log.infof("command %s was delivered again; sending its reply again without running it", envelope.commandId());
            return earlier;
        }
        CommandReply reply = run.apply(envelope);
        replies.put(envelope.commandId(), reply);
        return reply;
    }
}
