package io.loligo.contracts.command;

import java.util.Objects;

/**
 * An OSD taken out of service for good, by the agent of its host: Ceph's {@code osd safe-to-destroy} asked first
 * (unless overridden), its daemon stopped, then {@code osd destroy} (its id and CRUSH place kept for a replacement)
 * or {@code osd purge} (gone from the OSD map, CRUSH and auth), and its device wiped for reuse by the host's
 * provisioner ({@code ceph-volume lvm zap}).
 */
public record OsdRemoval(String fsid, String host, int osd, boolean purge, boolean checkSafeToDestroy) implements HostChange {
    public OsdRemoval {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(host, "host");
        if (osd < 0) {
            throw new IllegalArgumentException("osd must not be negative");
        }
    }

    @Override
    public String describe() {
        return (purge ? "purge osd." + osd + " from the maps, CRUSH and auth" : "destroy osd." + osd + " (its id kept)")
                + " and wipe its device on " + host + (checkSafeToDestroy ? ", once Ceph says it is safe to destroy" : "");
    }
}
