package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks for a pool's RBD images as librbd describes them: size, features, parent, snapshots, watchers and used bytes.
 * They change with every client's write, so they are read when asked for, not kept with the maps.
 *
 * @param since the mark of the asker's last answer from the same agent, or null: the answer then holds only the
 *              descriptions changed since, so that re-reading a pool of thousands costs what changed
 */
public record ReadRbdImages(String fsid, int pool, String since) implements AgentCommand {
    public ReadRbdImages {
        Objects.requireNonNull(fsid, "fsid");
        if (pool < 0) {
            throw new IllegalArgumentException("pool must not be negative");
        }
    }
}
