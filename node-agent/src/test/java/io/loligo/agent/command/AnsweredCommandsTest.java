package io.loligo.agent.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.ReadUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class AnsweredCommandsTest {
    private final AtomicInteger runs = new AtomicInteger();
    private final Function<CommandEnvelope, CommandReply> run = envelope -> CommandReply.withOutput(
            envelope.commandId(), "node", JsonNodeFactory.instance.numberNode(runs.incrementAndGet()));

    private static CommandEnvelope envelope(String id) {
        return new CommandEnvelope(id, "node", Instant.now(), OsdChange.of("fsid", 2, OsdChange.Kind.MARK_OUT));
    }

    @Test
    void aCommandDeliveredAgainGetsItsFirstReplyAndRunsOnce() {
        AnsweredCommands answered = new AnsweredCommands(2, AnsweredCommands.REMEMBERED_BYTES, Optional.empty());

        CommandReply first = answered.answer(envelope("a"), run);
        CommandReply again = answered.answer(envelope("a"), run);
        answered.answer(envelope("b"), run);
        answered.answer(envelope("c"), run);
        answered.answer(envelope("a"), run);

        assertThat(again).isSameAs(first);
        // only the latest two are remembered: "a" had been forgotten and ran again
        assertThat(runs).hasValue(4);
    }

    @Test
    void repliesJournalledSurviveTheAgentAndTheJournalStaysBounded(@TempDir Path state) throws IOException {
        Path journal = state.resolve(AnsweredCommands.JOURNAL);
        AnsweredCommands before = new AnsweredCommands(2, AnsweredCommands.REMEMBERED_BYTES, Optional.of(journal));
        CommandReply first = before.answer(envelope("a"), run);
        for (String id : new String[]{"b", "c", "d", "e"}) {
            before.answer(envelope(id), run);
        }
        Files.writeString(journal, "{\"commandId\":", java.nio.file.StandardOpenOption.APPEND);

        AnsweredCommands after = new AnsweredCommands(2, AnsweredCommands.REMEMBERED_BYTES, Optional.of(journal));
        CommandReply again = after.answer(envelope("e"), run);

        assertThat(again.output()).isEqualTo(JsonNodeFactory.instance.numberNode(5));
        assertThat(runs).hasValue(5);
        assertThat(after.answer(envelope("a"), run)).isNotEqualTo(first);
        assertThat(Files.readAllLines(journal)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aReadIsNeitherRememberedNorJournalled(@TempDir Path state) {
        Path journal = state.resolve(AnsweredCommands.JOURNAL);
        AnsweredCommands answered = new AnsweredCommands(2, AnsweredCommands.REMEMBERED_BYTES, Optional.of(journal));
        CommandEnvelope read = new CommandEnvelope("r", "node", Instant.now(), new ReadUsage("fsid"));

        answered.answer(read, run);
        answered.answer(read, run);

        assertThat(runs).as("a read runs again when delivered again").hasValue(2);
        assertThat(journal).doesNotExist();
    }

    /** A change the monitors or the mgr were not there to take was not made: sent again, it runs again. */
    @Test
    void aChangeNobodyTookIsTriedAgainWhenSentAgain() {
        AnsweredCommands answered = new AnsweredCommands(2, AnsweredCommands.REMEMBERED_BYTES, Optional.empty());
        for (String reason : new String[]{CommandReply.Failure.MONITORS_UNREACHABLE, CommandReply.Failure.MGR_UNAVAILABLE}) {
            Function<CommandEnvelope, CommandReply> refused = envelope -> {
                runs.incrementAndGet();
                return CommandReply.failed(envelope.commandId(), "node", new CommandReply.Failure(reason, "away"));
            };
            answered.answer(envelope(reason), refused);
            answered.answer(envelope(reason), run);
        }

        assertThat(runs).hasValue(4);
        CommandReply refusedByCeph = answered.answer(envelope("eperm"), envelope -> CommandReply.failed(envelope.commandId(), "node",
                new CommandReply.Failure("RadosError", "EPERM")));
        assertThat(answered.answer(envelope("eperm"), run)).as("Ceph's own refusal is an answer").isSameAs(refusedByCeph);
    }

    /** Whatever a change answers, what is held and journalled stays within its bytes, and only the agent reads it. */
    @Test
    void theJournalIsTheAgentsAloneAndBoundedInBytes(@TempDir Path state) throws IOException {
        Path journal = state.resolve(AnsweredCommands.JOURNAL);
        var large = JsonNodeFactory.instance.textNode("x".repeat(1000));
        AnsweredCommands answered = new AnsweredCommands(1000, 4000, Optional.of(journal));
        for (int i = 0; i < 50; i++) {
            answered.answer(envelope("large-" + i), sent -> CommandReply.withOutput(sent.commandId(), "node", large));
        }

        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(journal)).as("journal bytes").isLessThanOrEqualTo(3 * 4000L);
        AnsweredCommands after = new AnsweredCommands(1000, 4000, Optional.of(journal));
        assertThat(after.answer(envelope("large-49"), run).output()).as("the newest is remembered").isEqualTo(large);
        assertThat(after.answer(envelope("large-0"), run).output()).as("the oldest was forgotten").isNotEqualTo(large);
    }
}
