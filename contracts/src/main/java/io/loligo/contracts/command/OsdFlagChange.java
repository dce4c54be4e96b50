package io.loligo.contracts.command;

import java.util.Objects;
import java.util.Set;

/** One of the cluster's OSD flags (Calamari's {@code osd_config}) set or cleared. */
public record OsdFlagChange(String fsid, String flag, boolean set) implements ClusterChange {
    /** Calamari's flags, by Ceph's names. */
    public static final Set<String> FLAGS = Set.of("pause", "noup", "nodown", "noout", "noin", "nobackfill",
            "norecover", "noscrub", "nodeep-scrub");

    public OsdFlagChange {
        Objects.requireNonNull(fsid, "fsid");
        if (!FLAGS.contains(flag)) {
            throw new IllegalArgumentException("unknown OSD flag " + flag);
        }
    }

    @Override
    public String monCommand() {
        return ClusterChange.command(set ? "osd set" : "osd unset").put("key", flag).toString();
    }
}
