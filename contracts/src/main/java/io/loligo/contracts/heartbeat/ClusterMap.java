package io.loligo.contracts.heartbeat;

/**
 * The cluster maps whose versions an agent reports. cluster-service compares them with the versions it holds
 * and fetches a map only when the reported version is ahead.
 */
public enum ClusterMap {
    OSD_MAP,
    MON_MAP,
    /** The monitors' election epoch: it moves whenever quorum membership changes. */
    MON_STATUS,
    FS_MAP
}
