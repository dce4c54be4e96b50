package io.loligo.cluster.known;

import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.HashMap;
import java.util.Map;

/** Merging of reported map versions. Pure. */
public final class MapVersions {
    private MapVersions() {
    }

    /**
     * Heartbeats from several agents, or a delayed one, may carry an older epoch than already known: an epoch never
     * goes back. A digest has no order, so the latest report stands.
     */
    public static Map<String, Long> merge(Map<String, Long> known, Map<ClusterMap, Long> reported) {
        Map<String, Long> merged = new HashMap<>(known);
        reported.forEach((map, version) -> {
            if (map.epochVersioned()) {
                merged.merge(map.name(), version, Math::max);
            } else {
                merged.put(map.name(), version);
            }
        });
        return merged;
    }
}
