package io.loligo.contracts.command;

import java.util.Objects;

/** Asks one monitor for its own {@code mon_status}: its state, rank, quorum and the peers it knows. */
public record ReadMonStatus(String fsid, String mon) implements AgentCommand {
    public ReadMonStatus {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(mon, "mon");
    }
}
