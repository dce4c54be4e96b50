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

    public static List<UsageViews.PoolStats> pools(JsonNode df) {
        List<UsageViews.PoolStats> pools = new ArrayList<>();
        for (JsonNode pool : df.path("pools")) {
            JsonNode stats = pool.path("stats");
            pools.add(new UsageViews.PoolStats(pool.path("id").asInt(), pool.path("name").asText(),
                    stats.path("stored").asLong(), stats.path("objects").asLong(),
                    stats.path("rd").asLong(), stats.path("rd_bytes").asLong() / 1024,
                    stats.path("wr").asLong(), stats.path("wr_bytes").asLong() / 1024,
                    stats.path("bytes_used").asLong(), stats.path("max_avail").asLong(), stats.path("percent_used").asDouble(),
                    stats.path("quota_bytes").asLong(), stats.path("quota_objects").asLong()));
        }
        return pools;
    }
}
