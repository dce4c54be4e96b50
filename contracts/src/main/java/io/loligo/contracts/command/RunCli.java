package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * Asks an agent to run a {@code ceph} command line through librados, as Calamari's {@code cli} endpoint did, if the
 * agent's own allow-list holds the command ({@code loligo.agent.cli.allowed}). The agent answers with {@code prefix},
 * {@code status}, {@code out} and {@code err}; or with {@code invalid} when the words name no command, or
 * {@code refused} and the {@code allowed} list when the command is not on it. Which commands run is the agent's
 * decision: whoever can send it commands cannot widen the list.
 *
 * @param words the command line without the leading {@code ceph}
 */
public record RunCli(String fsid, List<String> words) implements AgentCommand {
    public RunCli {
        Objects.requireNonNull(fsid, "fsid");
        words = List.copyOf(words);
    }
}
