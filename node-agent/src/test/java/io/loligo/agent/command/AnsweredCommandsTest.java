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
        AnsweredCommands answered = new AnsweredCommands(2, Optional.empty());

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
        AnsweredCommands before = new AnsweredCommands(2, Optional.of(journal));
        CommandReply first = before.answer(envelope("a"), run);
        for (String id : new String[]{"b", "c", "d", "e"}) {
            before.answer(envelope(id), run);
        }
        Files.writeString(journal, "{\"commandId\":", java.nio.file.StandardOpenOption.APPEND);

        AnsweredCommands after = new AnsweredCommands(2, Optional.of(journal));
        CommandReply again = after.answer(envelope("e"), run);

        assertThat(again.output()).isEqualTo(JsonNodeFactory.instance.numberNode(5));
        assertThat(runs).hasValue(5);
        assertThat(after.answer(envelope("a"), run)).isNotEqualTo(first);
        assertThat(Files.readAllLines(journal)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aReadIsNeitherRememberedNorJournalled(@TempDir Path state) {
        Path journal = state.resolve(AnsweredCommands.JOURNAL);
        AnsweredCommands answered = new AnsweredCommands(2, Optional.of(journal));
        CommandEnvelope read = new CommandEnvelope("r", "node", Instant.now(), new ReadUsage("fsid"));

        answered.answer(read, run);
        answered.answer(read, run);

        assertThat(runs).as("a read runs again when delivered again").hasValue(2);
        assertThat(journal).doesNotExist();
    }
}
