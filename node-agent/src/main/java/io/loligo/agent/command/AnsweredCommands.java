package io.loligo.agent.command;

import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.command.RequestedChange;
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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The replies to the latest changes, by command id. The broker delivers a command again when its acknowledgement
 * was lost, such as when the broker or the agent restarted: a change then gets its first reply again and is not
 * run twice. With a state directory the replies are journalled there, one JSON line each, and survive the agent.
 * Reads are not remembered: reading again is harmless, and their answers (logs, usage, CLI output) are the large
 * ones. Nor is a change the monitors or the mgr were not there to take: sent again, it is tried again. Both the
 * replies held and the journal are bounded in entries and in bytes; the journal is readable by the agent only,
 * though it holds no secret (changes answer with Ceph's status lines).
 */
@ApplicationScoped
public class AnsweredCommands {
    static final int REMEMBERED = 10_000;
    /** A change's reply is a few hundred bytes; this many hold thousands of them. */
    static final long REMEMBERED_BYTES = 16L * 1024 * 1024;
    static final String JOURNAL = "answered-commands.jsonl";
    private static final Set<PosixFilePermission> AGENT_ONLY = PosixFilePermissions.fromString("rw-------");
    private final WireCodec codec = new WireCodec();
    private final int remembered;
    private final long rememberedBytes;
    private final Optional<Path> journal;
    /** Each reply with the length of its journal line, oldest first. */
    private final Map<String, Remembered> replies = new LinkedHashMap<>();
    private long heldBytes;
    private int journalLines;
    private long journalBytes;

    private record Remembered(CommandReply reply, int bytes) {
    }

    @Inject
    public AnsweredCommands(AgentConfig config) {
        this(REMEMBERED, REMEMBERED_BYTES, config.stateDir().map(dir -> dir.resolve(JOURNAL)));
    }

    AnsweredCommands(int remembered, long rememberedBytes, Optional<Path> journal) {
        this.remembered = remembered;
        this.rememberedBytes = rememberedBytes;
        this.journal = journal;
        journal.ifPresent(this::load);
    }

    /**
     * The command's first reply when it was answered before, otherwise its reply now. Nothing is held while it runs:
     * a long change runs beside the other commands, and is kept from running twice by whoever started it.
     */
    CommandReply answer(CommandEnvelope envelope, Function<CommandEnvelope, CommandReply> run) {
        Optional<CommandReply> earlier = earlier(envelope.commandId());
        if (earlier.isPresent()) {
            Log.infof("command %s was delivered again; sending its reply again without running it", envelope.commandId());
            return earlier.get();
        }
        CommandReply reply = run.apply(envelope);
        if (envelope.command() instanceof RequestedChange && !notCarriedOut(reply)) {
            record(envelope.commandId(), reply);
        }
        return reply;
    }

    synchronized Optional<CommandReply> earlier(String commandId) {
        return Optional.ofNullable(replies.get(commandId)).map(Remembered::reply);
    }

    private synchronized void record(String commandId, CommandReply reply) {
        String line = line(reply);
        remember(commandId, reply, line);
        journal.ifPresent(file -> append(file, line));
    }

    private static boolean notCarriedOut(CommandReply reply) {
        return reply.error() != null && (reply.error().is(CommandReply.Failure.MONITORS_UNREACHABLE)
                || reply.error().is(CommandReply.Failure.MGR_UNAVAILABLE));
    }

    /** Holds the reply, forgetting the oldest ones past either bound. */
    private void remember(String commandId, CommandReply reply, String line) {
        Remembered replaced = replies.put(commandId, new Remembered(reply, line.length()));
        heldBytes += line.length() - (replaced == null ? 0 : replaced.bytes());
        for (Iterator<Remembered> oldest = replies.values().iterator();
             oldest.hasNext() && (replies.size() > remembered || heldBytes > rememberedBytes); ) {
            heldBytes -= oldest.next().bytes();
            oldest.remove();
        }
    }

    private void load(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, AGENT_ONLY);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    CommandReply reply = codec.decode(line, CommandReply.class);
                    remember(reply.commandId(), reply, line);
                    journalLines++;
                    journalBytes += line.length() + 1;
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

    /**
     * Appends the reply; rewrites the journal with the remembered replies only once it holds twice as many lines or
     * bytes as are remembered.
     */
    private void append(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            if (journalLines >= 2 * remembered || journalBytes >= 2 * rememberedBytes) {
                List<String> kept = new ArrayList<>();
                replies.values().forEach(held -> kept.add(line(held.reply())));
                Path rewritten = agentOnly(file.resolveSibling(JOURNAL + ".new"));
                Files.write(rewritten, kept, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
                Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                journalLines = kept.size();
                journalBytes = kept.stream().mapToLong(written -> written.length() + 1).sum();
            } else {
                Files.writeString(agentOnly(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                journalLines++;
                journalBytes += line.length() + 1;
            }
        } catch (IOException e) {
            // the reply still goes out; only a redelivery after a restart could then run the command again
            Log.errorf(e, "could not journal a reply in %s", file);
        }
    }

    /** The file, made readable by the agent only if it is new. */
    private static Path agentOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(AGENT_ONLY));
        }
        return file;
    }

    private String line(CommandReply reply) {
        return new String(codec.encode(reply), StandardCharsets.UTF_8);
    }
}
