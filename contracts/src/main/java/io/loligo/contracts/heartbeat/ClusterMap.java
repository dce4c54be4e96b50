package io.loligo.contracts.heartbeat;

/**
 * The cluster maps whose versions an agent reports. cluster-service compares them with the versions it holds
 * and fetches a map only when the reported version moved.
 */
public enum ClusterMap {
    /** The OSD map with its tree; versioned by epoch. */
    OSD_MAP(true, "osd_map"),
    MON_MAP(true, "mon_map"),
    /** The monitors' quorum; versioned by election epoch, which moves whenever membership changes. */
    MON_STATUS(true, "mon_status"),
    FS_MAP(true, "mds_map"),
    /** {@code health detail}; versioned by a digest of its content. */
    HEALTH(false, "health"),
    /** PG counts by state, overall, by pool and by OSD; versioned by a digest of the state counts and the OSD map epoch. */
    PG_SUMMARY(false, "pg_summary"),
    /**
     * The quorum leader's running configuration ({@code config show}, as Calamari read it from a mon); versioned by a
     * digest of the configuration database's version and the election epoch, since a restarted mon may read a
     * changed ceph.conf and always causes an election.
     */
    CONFIG(false, "config");

    private final boolean epochVersioned;
    private final String syncType;

    ClusterMap(boolean epochVersioned, String syncType) {
        this.epochVersioned = epochVersioned;
        this.syncType = syncType;
    }

    /** Epochs only grow, so a lower one is stale; digests only differ, so any other one is new. */
    public boolean epochVersioned() {
        return epochVersioned;
    }

    /** The name of this map in Calamari's {@code sync_object} API. */
    public String syncType() {
        return syncType;
    }

    /** Whether {@code reported} is a version not held yet. */
    public boolean isNewer(long reported, Long held) {
        return held == null || (epochVersioned ? reported > held : reported != held);
    }
}
