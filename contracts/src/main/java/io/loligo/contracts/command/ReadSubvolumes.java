package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks for a CephFS volume's subvolume groups, and its subvolumes with what {@code fs subvolume info} and
 * {@code fs subvolume snapshot ls} say of each: quota, usage, path, mode, pool, snapshots. The mgr's volumes module
 * answers them; they are read when asked for, not kept with the maps.
 */
public record ReadSubvolumes(String fsid, String volume) implements AgentCommand {
    public ReadSubvolumes {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(volume, "volume");
    }
}
