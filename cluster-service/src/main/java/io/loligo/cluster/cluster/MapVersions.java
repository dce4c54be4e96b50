package io.loligo.cluster.cluster;

import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.HashMap;
import java.util.Map;

/** Merging of reported map versions. Pure. */
public final class MapVersions {
    private MapVersions() {
    }

    /**
     * The newer of each version. Heartbeats from several agents, or a delayed one, may carry older versions
     * than already known; a map's version never goes back.
     */
    public static Map<String, Long> merge(Map<String, Long> known, Map<ClusterMap, Long> reported) {
        Map<String, Long> merged = new HashMap<>(known);
        reported.forEach((map, version) -> merged.merge(map.name(), version, Math::max));
        return merged;
    }
}
