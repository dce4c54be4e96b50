package io.loligo.contracts.command;

import java.util.Objects;

/** Asks for the cluster's space and per-pool usage now ({@code df detail}): it moves with every write, so it is read when asked for, not kept. */
public record ReadUsage(String fsid) implements AgentCommand {
    public ReadUsage {
        Objects.requireNonNull(fsid, "fsid");
    }
}
