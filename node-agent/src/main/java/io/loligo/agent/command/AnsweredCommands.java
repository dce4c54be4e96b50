package io.loligo.agent.command;

import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The replies to the latest changes, by command id. The broker delivers a command again when its acknowledgement
 * was lost, such as when the broker or the agent restarted: a change then gets its first reply again and is not
 * run twice. With a state directory the replies are journalled there, one JSON line each, and survive the agent.
 * Reads are not remembered: reading again is harmless, and their answers (logs, usage, CLI output) are the large
 * ones.
 */
@ApplicationScoped
public class AnsweredCommands {
    static final int REMEMBERED = 10_000;
    static final String JOURNAL = "answered-commands.jsonl";
    private final WireCodec codec = new WireCodec();
    private final int remembered;
    private final Optional<Path> journal;
    private final Map<String, CommandReply> replies;
    private int journalLines;

    @Inject
    public AnsweredCommands(AgentConfig config) {
        this(REMEMBERED, config.stateDir().map(dir -> dir.resolve(JOURNAL)));
    }

    AnsweredCommands(int remembered, Optional<Path> journal) {
        this.remembered = remembered;
        this.journal = journal;
        this.replies = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandReply> eldest) {
                return size() > remembered;
            }
        };
        journal.ifPresent(this::load);
    }

    synchronized CommandReply answer(CommandEnvelope envelope, Function<CommandEnvelope, CommandReply> run) {
        CommandReply earlier = replies.get(envelope.commandId());
        if (earlier != null) {
            Log.infof("command %s was delivered again; sending its reply again without running it", envelope.commandId());
            return earlier;
        }
        CommandReply reply = run.apply(envelope);
        if (!(envelope.command() instanceof ClusterChange)) {
            return reply;
        }
        replies.put(envelope.commandId(), reply);
        journal.ifPresent(file -> append(file, reply));
        return reply;
    }

    private void load(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    CommandReply reply = codec.decode(line, CommandReply.class);
                    replies.put(reply.commandId(), reply);
                    journalLines++;
                } catch (MalformedMessageException e) {
                    // the last line of a journal cut short by a crash
                    Log.warnf("skipped an unreadable line of %s: %s", file, e.getMessage());
                }
            }
            Log.infof("remembered %d answered commands from %s", replies.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Appends the reply; rewrites the journal with the remembered replies only once it holds twice as many lines. */
    private void append(Path file, CommandReply reply) {
        try {
            Files.createDirectories(file.getParent());
            if (journalLines >= 2 * remembered) {
                List<String> kept = new ArrayList<>();
                replies.values().forEach(remembered -> kept.add(line(remembered)));
                Path rewritten = file.resolveSibling(JOURNAL + ".new");
                Files.write(rewritten, kept, StandardCharsets.UTF_8);
                Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                journalLines = kept.size();
            } else {
                Files.writeString(file, line(reply) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                journalLines++;
            }
        } catch (IOException e) {
            // the reply still goes out; only a redelivery after a restart could then run the command again
            Log.errorf(e, "could not journal the reply to %s in %s", reply.commandId(), file);
        }
    }

    private String line(CommandReply reply) {
        return new String(codec.encode(reply), StandardCharsets.UTF_8);
    }
}
