package io.loligo.cluster.fs;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.FileSystemView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The file systems as {@code fs dump} describes them. Pure. */
public final class FileSystems {
    private static final String UP = "up:";

    private FileSystems() {
    }

    /**
     * @param poolNames every pool's name by id
     * @param serversByMds the fqdn of the server that reports each MDS, by daemon name
     */
    public static List<FileSystemView> from(JsonNode fsDump, Map<Integer, String> poolNames, Map<String, String> serversByMds) {
        List<FileSystemView> fileSystems = new ArrayList<>();
        for (JsonNode fs : fsDump.path("filesystems")) {
            JsonNode mdsMap = fs.path("mdsmap");
            int id = fs.path("id").asInt();
            Map<Integer, FileSystemView.Daemon> holders = new HashMap<>();
            mdsMap.path("info").forEach(info -> {
                if (info.path("rank").asInt(-1) >= 0 && !info.path("state").asText().equals("up:standby-replay")) {
                    holders.put(info.path("rank").asInt(), daemon(info, serversByMds));
                }
            });
            List<FileSystemView.Rank> ranks = new ArrayList<>();
            mdsMap.path("in").forEach(rank -> ranks.add(rank(rank.asInt(), holders.get(rank.asInt()), mdsMap)));
            ranks.sort(Comparator.comparingInt(FileSystemView.Rank::rank));
            List<FileSystemView.Daemon> standbys = new ArrayList<>();
            mdsMap.path("info").forEach(info -> {
                if (info.path("state").asText().equals("up:standby-replay")) {
                    standbys.add(daemon(info, serversByMds));
                }
            });
            fsDump.path("standbys").forEach(standby -> {
                int joins = standby.path("join_fscid").asInt(-1);
                if (joins == -1 || joins == id) {
                    standbys.add(daemon(standby, serversByMds));
                }
            });
            standbys.sort(Comparator.comparing(FileSystemView.Daemon::name));
            List<String> dataPools = new ArrayList<>();
            mdsMap.path("data_pools").forEach(pool -> dataPools.add(poolName(pool.asInt(), poolNames)));
            fileSystems.add(new FileSystemView(id, mdsMap.path("fs_name").asText(), mdsMap.path("enabled").asBoolean(true),
                    mdsMap.path("max_mds").asInt(), mdsMap.path("standby_count_wanted").asInt(),
                    poolName(mdsMap.path("metadata_pool").asInt(), poolNames), List.copyOf(dataPools), List.copyOf(ranks), List.copyOf(standbys)));
        }
        fileSystems.sort(Comparator.comparingInt(FileSystemView::id));
        return fileSystems;
    }

    private static FileSystemView.Rank rank(int rank, FileSystemView.Daemon holder, JsonNode mdsMap) {
        if (holder != null) {
            return new FileSystemView.Rank(rank, holder.state(), holder);
        }
        boolean damaged = false;
        for (JsonNode damagedRank : mdsMap.path("damaged")) {
            damaged |= damagedRank.asInt() == rank;
        }
        return new FileSystemView.Rank(rank, damaged ? "damaged" : "failed", null);
    }

    private static FileSystemView.Daemon daemon(JsonNode info, Map<String, String> serversByMds) {
        String state = info.path("state").asText();
        String name = info.path("name").asText();
        return new FileSystemView.Daemon(name, info.path("gid").asLong(), state.startsWith(UP) ? state.substring(UP.length()) : state,
                info.path("addr").asText(null), serversByMds.get(name));
    }

    private static String poolName(int id, Map<Integer, String> poolNames) {
        return poolNames.getOrDefault(id, String.valueOf(id));
    }
}
