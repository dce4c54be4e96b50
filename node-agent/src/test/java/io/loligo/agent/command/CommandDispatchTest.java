package io.loligo.agent.command;

import io.loligo.contracts.command.AgentCommand;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command added to the contracts cannot be forgotten by the agent: every one it may be sent finds its handler. */
class CommandDispatchTest {
    @Test
    void everyCommandTheContractsPermitHasAHandler() {
        List<Class<?>> commands = new ArrayList<>();
        leaves(AgentCommand.class, commands);
        assertThat(commands).hasSizeGreaterThan(30);
        CommandConsumer consumer = new CommandConsumer();
        assertThat(commands).allSatisfy(command -> assertThat(consumer.handlerOf(command)).as(command.getSimpleName()).isPresent());
    }

    private static void leaves(Class<?> type, List<Class<?>> found) {
        if (!type.isSealed()) {
            found.add(type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            leaves(permitted, found);
        }
    }
}
