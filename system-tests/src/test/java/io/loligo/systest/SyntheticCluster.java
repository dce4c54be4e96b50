package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.OsdMapContent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A large cluster's maps in the exact JSON shapes the agent sends, grown from the recorded maps of the real local
 * cluster: every OSD, host, pool and PG summary entry is a recorded entry with its identity changed.
 */
final class SyntheticCluster {
    static final String FSID = "5ca1ab1e-0000-4000-8000-000000000001";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] MINOR_STATES = {"active+clean+scrubbing", "active+clean+scrubbing+deep", "active+undersized+degraded"};

    final int osds;
    final int hosts;
    final int pools;
    final long pgs;
    private final JsonNode recordedDump;
    private final JsonNode recordedTree;
    private final JsonNode recordedMetadata;
    private final JsonNode recordedCrush;
    private final JsonNode recordedQuorum;
    private final JsonNode recordedFs;
    private final JsonNode recordedConfig;

    SyntheticCluster(Path recordedMaps, int osds, int hosts, int pools, long pgs) throws IOException {
        this.osds = osds;
        this.hosts = hosts;
        this.pools = pools;
        this.pgs = pgs;
        recordedDump = MAPPER.readTree(recordedMaps.resolve("osd-dump.json").toFile());
        recordedTree = MAPPER.readTree(recordedMaps.resolve("osd-tree.json").toFile());
        recordedMetadata = MAPPER.readTree(recordedMaps.resolve("osd-metadata.json").toFile());
        recordedCrush = MAPPER.readTree(recordedMaps.resolve("crush-dump.json").toFile());
        recordedQuorum = MAPPER.readTree(recordedMaps.resolve("quorum-status.json").toFile());
        recordedFs = MAPPER.readTree(recordedMaps.resolve("fs-dump.json").toFile());
        recordedConfig = MAPPER.readTree(recordedMaps.resolve("config-show.json").toFile());
    }

    /** The content of one map, as a {@code FetchClusterMap} reply carries it. */
    JsonNode content(ClusterMap map, long osdEpoch, Set<Integer> downOsds) {
        return switch (map) {
            case OSD_MAP -> osdMap(osdEpoch, downOsds);
            case PG_SUMMARY -> pgSummary();
            case MON_STATUS -> recordedQuorum;
            case MON_MAP -> recordedQuorum.path("monmap");
            case FS_MAP -> recordedFs;
            case CONFIG -> recordedConfig;
            case HEALTH -> MAPPER.createObjectNode().put("status", "HEALTH_OK")
                    .<ObjectNode>set("checks", MAPPER.createObjectNode()).set("mutes", MAPPER.createArrayNode());
        };
    }

    private ObjectNode osdMap(long epoch, Set<Integer> downOsds) {
        ObjectNode map = MAPPER.createObjectNode();
        map.set("osd_dump", osdDump(epoch, downOsds));
        map.set("osd_tree", osdTree(downOsds));
        map.set("osd_metadata", osdMetadata());
        map.set("crush_dump", crushDump());
        return map;
    }

    private ObjectNode osdDump(long epoch, Set<Integer> downOsds) {
        ObjectNode dump = recordedDump.deepCopy();
        dump.put("epoch", epoch).put("fsid", FSID).put("max_osd", osds);
        ArrayNode poolList = dump.putArray("pools");
        JsonNode recordedPool = recordedDump.path("pools").path(0);
        for (int pool = 1; pool <= pools; pool++) {
            ObjectNode copy = recordedPool.deepCopy();
            long pgNum = pgs / pools;
            copy.put("pool", pool).put("pool_name", "pool-" + pool).put("pg_num", pgNum).put("pg_placement_num", pgNum)
                    .put("pg_num_target", pgNum).put("pg_placement_num_target", pgNum).put("pg_num_pending", pgNum);
            poolList.add(copy);
        }
        ArrayNode osdList = dump.putArray("osds");
        ArrayNode xinfo = dump.putArray("osd_xinfo");
        JsonNode recordedOsd = recordedDump.path("osds").path(0);
        JsonNode recordedXinfo = recordedDump.path("osd_xinfo").path(0);
        for (int id = 0; id < osds; id++) {
            boolean up = !downOsds.contains(id);
            ObjectNode osd = recordedOsd.deepCopy();
            String address = address(id);
            osd.put("osd", id).put("uuid", uuid(id)).put("up", up ? 1 : 0)
                    .put("public_addr", address + ":6801/" + id).put("cluster_addr", address + ":6803/" + id);
            ArrayNode state = osd.putArray("state").add("exists");
            if (up) {
                state.add("up");
            }
            osdList.add(osd);
            xinfo.add(((ObjectNode) recordedXinfo.deepCopy()).put("osd", id));
        }
        return dump;
    }

    private ObjectNode osdTree(Set<Integer> downOsds) {
        JsonNode recordedNodes = recordedTree.path("nodes");
        JsonNode root = recordedNodes.path(0);
        JsonNode host = recordedNodes.path(1);
        JsonNode osd = recordedNodes.path(2);
        ObjectNode tree = MAPPER.createObjectNode();
        ArrayNode nodes = tree.putArray("nodes");
        ObjectNode rootCopy = root.deepCopy();
        ArrayNode hostIds = rootCopy.putArray("children");
        nodes.add(rootCopy);
        for (int h = 0; h < hosts; h++) {
            ObjectNode hostCopy = host.deepCopy();
            hostCopy.put("id", hostBucketId(h)).put("name", hostName(h));
            ArrayNode children = hostCopy.putArray("children");
            for (int id : osdsOf(h)) {
                children.add(id);
            }
            hostIds.add(hostBucketId(h));
            nodes.add(hostCopy);
        }
        for (int id = 0; id < osds; id++) {
            nodes.add(((ObjectNode) osd.deepCopy()).put("id", id).put("name", "osd." + id)
                    .put("status", downOsds.contains(id) ? "down" : "up"));
        }
        tree.putArray("stray");
        return tree;
    }

    private ArrayNode osdMetadata() {
        ArrayNode all = MAPPER.createArrayNode();
        // as the agent sends it: only the fields that describe an OSD
        ObjectNode recorded = ((ObjectNode) recordedMetadata.path(0).deepCopy()).retain(OsdMapContent.METADATA_FIELDS);
        for (int id = 0; id < osds; id++) {
            all.add(((ObjectNode) recorded.deepCopy()).put("id", id).put("hostname", hostName(hostOf(id)))
                    .put("osd_data", "/var/lib/ceph/osd/ceph-" + id)
                    .put("bluestore_bdev_path", "/var/lib/ceph/osd/ceph-" + id + "/block"));
        }
        return all;
    }

    private ObjectNode crushDump() {
        ObjectNode crush = recordedCrush.deepCopy();
        ArrayNode devices = crush.putArray("devices");
        for (int id = 0; id < osds; id++) {
            devices.addObject().put("id", id).put("name", "osd." + id).put("class", "hdd");
        }
        ArrayNode buckets = crush.putArray("buckets");
        JsonNode recordedRoot = recordedCrush.path("buckets").path(0);
        JsonNode recordedHost = recordedCrush.path("buckets").path(2);
        ObjectNode root = recordedRoot.deepCopy();
        ArrayNode rootItems = root.putArray("items");
        buckets.add(root);
        for (int h = 0; h < hosts; h++) {
            ObjectNode host = recordedHost.deepCopy();
            host.put("id", hostBucketId(h)).put("name", hostName(h));
            ArrayNode items = host.putArray("items");
            int position = 0;
            for (int id : osdsOf(h)) {
                items.addObject().put("id", id).put("weight", 65536).put("pos", position++);
            }
            host.put("weight", 65536 * position);
            rootItems.addObject().put("id", hostBucketId(h)).put("weight", 65536 * position).put("pos", h);
            buckets.add(host);
        }
        return crush;
    }

    /** Each PG counted for the three OSDs of its acting set, nearly all of them active+clean. */
    private ObjectNode pgSummary() {
        ObjectNode summary = MAPPER.createObjectNode();
        summary.set("all", stateCounts(pgs));
        ObjectNode byPool = summary.putObject("by_pool");
        for (int pool = 1; pool <= pools; pool++) {
            byPool.set(String.valueOf(pool), stateCounts(pgs / pools));
        }
        ObjectNode byOsd = summary.putObject("by_osd");
        ObjectNode poolsByOsd = summary.putObject("pools_by_osd");
        for (int id = 0; id < osds; id++) {
            byOsd.set(String.valueOf(id), stateCounts(pgs * 3 / osds));
            ArrayNode served = poolsByOsd.putArray(String.valueOf(id));
            for (int pool = 1; pool <= pools; pool++) {
                served.add(pool);
            }
        }
        return summary;
    }

    private static ObjectNode stateCounts(long total) {
        TreeMap<String, Long> counts = new TreeMap<>();
        long minor = Math.max(1, total / 1000);
        for (String state : MINOR_STATES) {
            counts.put(state, minor);
        }
        counts.put("active+clean", total - minor * MINOR_STATES.length);
        ObjectNode node = MAPPER.createObjectNode();
        counts.forEach(node::put);
        return node;
    }

    int[] osdsOf(int host) {
        int perHost = osds / hosts;
        int[] ids = new int[perHost];
        for (int i = 0; i < perHost; i++) {
            ids[i] = host * perHost + i;
        }
        return ids;
    }

    int hostOf(int osd) {
        return osd / (osds / hosts);
    }

    static String hostName(int host) {
        return "ceph-" + host + ".scale.test";
    }

    private static int hostBucketId(int host) {
        return -2 - host;
    }

    private String address(int osd) {
        int host = hostOf(osd);
        return "10.0." + host / 250 + "." + (host % 250 + 1);
    }

    private static String uuid(int osd) {
        return new UUID(0x5ca1ab1e00004000L, 0x8000000000000000L | osd).toString();
    }
}
