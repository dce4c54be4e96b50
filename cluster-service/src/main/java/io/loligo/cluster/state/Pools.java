package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.PoolView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The pools as {@code osd dump} describes them. Pure. */
public final class Pools {
    /** Ceph's pg_pool_t type codes. */
    private static final int REPLICATED = 1;
    private static final int ERASURE = 3;

    private Pools() {
    }

    public static List<PoolView> from(JsonNode osdDump) {
        List<PoolView> pools = new ArrayList<>();
        for (JsonNode pool : osdDump.path("pools")) {
            List<String> flags = Arrays.asList(pool.path("flags_names").asText("").split(","));
            List<String> applications = new ArrayList<>();
            pool.path("application_metadata").fieldNames().forEachRemaining(applications::add);
            String profile = pool.path("erasure_code_profile").asText("");
            pools.add(new PoolView(pool.path("pool").asInt(), pool.path("pool_name").asText(), pool.path("size").asInt(),
                    pool.path("min_size").asInt(), pool.path("pg_num").asInt(), pool.path("pg_placement_num").asInt(),
                    pool.path("crush_rule").asInt(), 0, flags.contains("hashpspool"), flags.contains("full"),
                    pool.path("quota_max_objects").asLong(), pool.path("quota_max_bytes").asLong(),
                    type(pool.path("type").asInt()), profile.isEmpty() ? null : profile, applications,
                    pool.path("pg_num_target").asInt(pool.path("pg_num").asInt()),
                    pool.path("pg_placement_num_target").asInt(pool.path("pg_placement_num").asInt()),
                    pool.path("pg_autoscale_mode").asText(null)));
        }
        return pools;
    }

    private static String type(int code) {
        return switch (code) {
            case REPLICATED -> "replicated";
            case ERASURE -> "erasure";
            default -> "unknown (" + code + ")";
        };
    }
}
