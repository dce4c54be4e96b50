package io.loligo.contracts.command;

import java.util.Objects;

/**
 * A new subvolume cloned from a subvolume's snapshot by the mgr's volumes module, which copies the snapshot's files in
 * the background: the agent starts the clone, then follows its state ({@code fs clone status}) until it ends,
 * reporting it meanwhile.
 *
 * @param group the source's group; null for a subvolume of no group
 * @param targetGroup the clone's group; null for none
 * @param dataPool the clone's data pool; null for the source's
 */
public record SubvolumeClone(String fsid, String volume, String group, String subvolume, String snapshot, String target,
                             String targetGroup, String dataPool) implements RequestedChange {
    public SubvolumeClone {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(subvolume, "subvolume");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String describe() {
        return "fs subvolume snapshot clone " + volume + " " + subvolume + " " + snapshot + " " + target
                + (group == null ? "" : " --group_name " + group) + (targetGroup == null ? "" : " --target_group_name " + targetGroup)
                + (dataPool == null ? "" : " --pool_layout " + dataPool);
    }

    @Override
    public boolean runsLong() {
        return true;
    }
}
