package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.UsageViews;

import java.util.ArrayList;
import java.util.List;

/** Calamari's usage shapes from {@code df detail}. Pure. */
public final class Usage {
    private Usage() {
    }

    public static UsageViews.ClusterStats stats(JsonNode df) {
        JsonNode totals = df.path("stats");
        long objects = 0;
        for (JsonNode pool : df.path("pools")) {
            objects += pool.path("stats").path("objects").asLong();
        }
        return new UsageViews.ClusterStats(totals.path("total_bytes").asLong() / 1024,
                totals.path("total_used_raw_bytes").asLong() / 1024, totals.path("total_avail_bytes").asLong() / 1024, objects);
    }

    public static UsageViews.Space space(JsonNode df) {
        JsonNode totals = df.path("stats");
        return new UsageViews.Space(totals.path("total_used_raw_bytes").asLong(), totals.path("total_bytes").asLong(),
                totals.path("total_avail_bytes").asLong());
    }

    /**
     * Each pool's figures: what its PGs count ({@code stat_sum}, which the agent adds from {@code pg dump pools}), and
     * what {@code df} adds. Without the PG counts (the mgr did not answer), the counts {@code df} also has stand in.
     */
    public static List<UsageViews.PoolStats> pools(JsonNode df) {
        List<UsageViews.PoolStats> pools = new ArrayList<>();
        for (JsonNode pool : df.path("pools")) {
            JsonNode stats = pool.path("stats");
            JsonNode sum = pool.path("stat_sum");
            pools.add(new UsageViews.PoolStats(pool.path("id").asInt(), pool.path("name").asText(),
                    sum.path("num_bytes").asLong(stats.path("stored").asLong()),
                    sum.path("num_objects").asLong(stats.path("objects").asLong()),
                    sum.path("num_read").asLong(stats.path("rd").asLong()),
                    sum.path("num_read_kb").asLong(stats.path("rd_bytes").asLong() / 1024),
                    sum.path("num_write").asLong(stats.path("wr").asLong()),
                    sum.path("num_write_kb").asLong(stats.path("wr_bytes").asLong() / 1024),
                    stats.path("bytes_used").asLong(), stats.path("max_avail").asLong(), stats.path("percent_used").asDouble(),
                    stats.path("quota_bytes").asLong(), stats.path("quota_objects").asLong(),
                    sum.path("num_object_clones").asLong(), sum.path("num_object_copies").asLong(),
                    sum.path("num_objects_degraded").asLong(), sum.path("num_objects_misplaced").asLong(),
                    sum.path("num_objects_unfound").asLong(), sum.path("num_objects_missing_on_primary").asLong()));
        }
        return pools;
    }
}
