package io.loligo.agent.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.OsdChange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AnsweredCommandsTest {
    private static CommandEnvelope envelope(String id) {
        return new CommandEnvelope(id, "node", Instant.now(), OsdChange.of("fsid", 2, OsdChange.Kind.MARK_OUT));
    }

    @Test
    void aCommandDeliveredAgainGetsItsFirstReplyAndRunsOnce() {
        AnsweredCommands answered = new AnsweredCommands(2);
        AtomicInteger runs = new AtomicInteger();
        var run = (java.util.function.Function<CommandEnvelope, CommandReply>) envelope -> CommandReply.withOutput(
                envelope.commandId(), "node", JsonNodeFactory.instance.numberNode(runs.incrementAndGet()));

        CommandReply first = answered.answer(envelope("a"), run);
        CommandReply again = answered.answer(envelope("a"), run);
        answered.answer(envelope("b"), run);
        answered.answer(envelope("c"), run);
        answered.answer(envelope("a"), run);

        assertThat(again).isSameAs(first);
        // only the latest two are remembered: "a" had been forgotten and ran again
        assertThat(runs).hasValue(4);
    }
}
