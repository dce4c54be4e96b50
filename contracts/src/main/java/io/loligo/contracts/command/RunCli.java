package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * Asks an agent to run a {@code ceph} command line through librados, as Calamari's {@code cli} endpoint did, if its
 * prefix is allowed. The agent answers with {@code prefix}, {@code status}, {@code out} and {@code err}; or with
 * {@code invalid} when the words name no command, or {@code refused} when the command is not allowed.
 *
 * @param words the command line without the leading {@code ceph}
 * @param allowedPrefixes command prefixes that may run, as whole words: {@code osd pool} allows {@code osd pool ls}
 */
public record RunCli(String fsid, List<String> words, List<String> allowedPrefixes) implements AgentCommand {
    public RunCli {
        Objects.requireNonNull(fsid, "fsid");
        words = List.copyOf(words);
        allowedPrefixes = List.copyOf(allowedPrefixes);
    }

    /** Whether a command's prefix is allowed: it equals an allowed prefix or continues one by whole words. */
    public boolean allows(String prefix) {
        return allowedPrefixes.stream().anyMatch(allowed -> prefix.equals(allowed) || prefix.startsWith(allowed + " "));
    }
}
