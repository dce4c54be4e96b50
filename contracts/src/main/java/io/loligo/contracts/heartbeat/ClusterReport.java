package io.loligo.contracts.heartbeat;

import java.util.Map;
import java.util.Objects;

/**
 * What an agent that reaches a cluster through librados learned about it.
 *
 * @param fsid the cluster's fsid
 * @param name the cluster name (the {@code $cluster} of its config file, usually "ceph")
 * @param mapVersions the current version of each cluster map the agent could read
 */
public record ClusterReport(String fsid, String name, Map<ClusterMap, Long> mapVersions) {
    public ClusterReport {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(name, "name");
        mapVersions = mapVersions == null ? Map.of() : Map.copyOf(mapVersions);
    }
}
