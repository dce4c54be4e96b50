package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;

import java.util.EnumMap;
import java.util.Map;

/** Reads the map versions out of the mon's {@code status} reply. Pure: no I/O. */
public final class ClusterStatus {
    private ClusterStatus() {
    }

    public static ClusterReport toReport(String clusterName, JsonNode status) {
        String fsid = status.path("fsid").asText(null);
        if (fsid == null || fsid.isBlank()) {
            throw new IllegalArgumentException("status reply has no fsid");
        }
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        putIfPresent(versions, ClusterMap.OSD_MAP, status.path("osdmap").path("epoch"));
        putIfPresent(versions, ClusterMap.MON_MAP, status.path("monmap").path("epoch"));
        putIfPresent(versions, ClusterMap.MON_STATUS, status.path("election_epoch"));
        putIfPresent(versions, ClusterMap.FS_MAP, status.path("fsmap").path("epoch"));
        return new ClusterReport(fsid, clusterName, versions);
    }

    private static void putIfPresent(Map<ClusterMap, Long> versions, ClusterMap map, JsonNode value) {
        if (value.isIntegralNumber()) {
            versions.put(map, value.asLong());
        }
    }
}
