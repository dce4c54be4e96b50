package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.OsdView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The OSDs as the OSD map, its tree and metadata, and the PG summary describe them. Pure. */
public final class Osds {
    private Osds() {
    }

    /**
     * @param osdMap the OSD_MAP sync object: {@code osd_dump}, {@code osd_tree}, {@code osd_metadata}
     * @param pgSummary the PG_SUMMARY sync object, or a missing node when none is held yet
     * Each OSD's server is its CRUSH host until an agent is known to run it (see {@link OsdView#withServer}).
     * @return in id order
     */
    public static List<OsdView> from(JsonNode osdMap, JsonNode pgSummary) {
        Tree tree = Tree.of(osdMap.path("osd_tree"));
        Map<Integer, JsonNode> metadata = new HashMap<>();
        osdMap.path("osd_metadata").forEach(m -> metadata.put(m.path("id").asInt(), m));
        List<OsdView> osds = new ArrayList<>();
        for (JsonNode osd : osdMap.path("osd_dump").path("osds")) {
            int id = osd.path("osd").asInt();
            boolean up = osd.path("up").asInt() == 1;
            JsonNode meta = metadata.getOrDefault(id, osd.path("no-metadata"));
            String host = tree.hostOf(id);
            List<Integer> pools = new ArrayList<>();
            pgSummary.path("pools_by_osd").path(String.valueOf(id)).forEach(pool -> pools.add(pool.asInt()));
            Map<String, Long> pgStates = new TreeMap<>();
            pgSummary.path("by_osd").path(String.valueOf(id)).fields()
                    .forEachRemaining(state -> pgStates.put(state.getKey(), state.getValue().asLong()));
            osds.add(new OsdView(id, osd.path("uuid").asText(null), up, osd.path("in").asInt() == 1,
                    osd.path("weight").asDouble(), host, pools,
                    up ? OsdView.COMMANDS : List.of(),
                    osd.path("public_addr").asText(null), osd.path("cluster_addr").asText(null),
                    tree.ancestry(id), text(meta, "bluestore_bdev_path", text(meta, "backend_filestore_partition_path", null)),
                    deviceNode(meta), text(meta, "osd_data", null), text(meta, "osd_journal", null),
                    host, tree.crushWeight(id), osd.path("primary_affinity").asDouble(1.0), pgStates,
                    osd.path("up_from").asLong(), osd.path("heartbeat_back_addr").asText(null),
                    osd.path("heartbeat_front_addr").asText(null)));
        }
        // listings rely on id order, which Ceph's dump has but does not promise
        osds.sort(Comparator.comparingInt(OsdView::id));
        return osds;
    }

    private static String deviceNode(JsonNode meta) {
        String devices = text(meta, "bluestore_bdev_devices", text(meta, "devices", null));
        if (devices == null) {
            return null;
        }
        // several devices are listed comma-separated; Calamari's field holds one
        String first = devices.split(",")[0];
        return first.startsWith("/") ? first : "/dev/" + first;
    }

    private static String text(JsonNode node, String field, String fallback) {
        String value = node.path(field).asText("");
        return value.isEmpty() ? fallback : value;
    }

    /** The CRUSH hierarchy from {@code osd tree}: parents, host buckets and weights. */
    private record Tree(Map<Integer, List<Integer>> parents, Map<Integer, JsonNode> nodes) {
        static Tree of(JsonNode osdTree) {
            Map<Integer, List<Integer>> parents = new HashMap<>();
            Map<Integer, JsonNode> nodes = new HashMap<>();
            for (JsonNode node : osdTree.path("nodes")) {
                int id = node.path("id").asInt();
                nodes.put(id, node);
                node.path("children").forEach(child -> parents.computeIfAbsent(child.asInt(), c -> new ArrayList<>()).add(id));
            }
            return new Tree(parents, nodes);
        }

        List<List<Integer>> ancestry(int id) {
            List<List<Integer>> paths = new ArrayList<>();
            for (int parent : parents.getOrDefault(id, List.of())) {
                List<Integer> path = new ArrayList<>();
                Integer current = parent;
                while (current != null && !path.contains(current)) {
                    path.add(current);
                    List<Integer> up = parents.get(current);
                    current = up == null || up.isEmpty() ? null : up.get(0);
                }
                paths.add(path);
            }
            return paths;
        }

        String hostOf(int id) {
            for (int parent : parents.getOrDefault(id, List.of())) {
                JsonNode node = nodes.get(parent);
                if (node != null && "host".equals(node.path("type").asText())) {
                    return node.path("name").asText();
                }
            }
            return null;
        }

        double crushWeight(int id) {
            JsonNode node = nodes.get(id);
            return node == null ? 0 : node.path("crush_weight").asDouble();
        }
    }
}
