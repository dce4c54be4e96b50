package io.loligo.contracts.command;

import java.util.Objects;

/**
 * An OSD emptied before it is destroyed: marked out, then followed until Ceph's {@code osd safe-to-destroy} says no
 * PG needs it, its progress the PGs and bytes still on it. An OSD marked in again meanwhile ends the drain.
 */
public record OsdDrain(String fsid, int osd) implements RequestedChange {
    public OsdDrain {
        Objects.requireNonNull(fsid, "fsid");
        if (osd < 0) {
            throw new IllegalArgumentException("osd must not be negative");
        }
    }

    @Override
    public String describe() {
        return "drain osd." + osd + " until Ceph says it is safe to destroy";
    }

    @Override
    public boolean runsLong() {
        return true;
    }
}
