package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks for the cluster log entries the mons hold in memory ({@code log last}, every level): the mons keep only the
 * newest few dozen, and filter by level after counting, so filtering and trimming happen on the receiving side.
 */
public record ReadClusterLog(String fsid) implements AgentCommand {
    public ReadClusterLog {
        Objects.requireNonNull(fsid, "fsid");
    }
}
