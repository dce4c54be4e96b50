package io.loligo.agent.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.agent.ceph.ClusterMapReader;
import io.loligo.contracts.metrics.LineProtocol;
import io.loligo.contracts.metrics.Measurement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cluster's series from the mons' replies. Ceph leaves a rate out of its JSON while it is zero, so a missing
 * rate is written as 0, and a graph shows an idle cluster rather than a gap. Pure.
 */
final class ClusterMetrics {
    private ClusterMetrics() {
    }

    static void all(LineProtocol out, String fsid, ClusterMapReader.MetricReadings readings, long at) {
        cluster(out, fsid, readings.status(), at);
        pools(out, fsid, readings.poolStats(), readings.dfDetail(), at);
        osds(out, fsid, readings.osdPerf(), readings.osdDf(), at);
    }

    /** Client I/O, space, objects and PG states from {@code status}. */
    static void cluster(LineProtocol out, String fsid, JsonNode status, long at) {
        JsonNode pgmap = status.path("pgmap");
        Map<String, Double> fields = clientIo(pgmap);
        fields.put("total_bytes", pgmap.path("bytes_total").asDouble());
        fields.put("used_bytes", pgmap.path("bytes_used").asDouble());
        fields.put("avail_bytes", pgmap.path("bytes_avail").asDouble());
        fields.put("objects", pgmap.path("num_objects").asDouble());
        out.add(Measurement.CLUSTER, Map.of("fsid", fsid), fields, at);
        for (JsonNode state : pgmap.path("pgs_by_state")) {
            out.add(Measurement.CLUSTER_PGS, Map.of("fsid", fsid, "state", state.path("state_name").asText()),
                    Map.of("count", state.path("count").asDouble()), at);
        }
    }

    /** Client I/O from {@code osd pool stats}, space and objects from {@code df detail}, by pool id. */
    static void pools(LineProtocol out, String fsid, JsonNode poolStats, JsonNode dfDetail, long at) {
        Map<String, Map<String, Double>> byPool = new LinkedHashMap<>();
        for (JsonNode pool : poolStats) {
            byPool.put(pool.path("pool_id").asText(), clientIo(pool.path("client_io_rate")));
        }
        for (JsonNode pool : dfDetail.path("pools")) {
            Map<String, Double> fields = byPool.computeIfAbsent(pool.path("id").asText(), id -> clientIo(MissingNode.getInstance()));
            JsonNode stats = pool.path("stats");
            fields.put("stored_bytes", stats.path("stored").asDouble());
            fields.put("used_bytes", stats.path("bytes_used").asDouble());
            fields.put("objects", stats.path("objects").asDouble());
            // Ceph gives a fraction here, whatever the name says
            fields.put("percent_used", stats.path("percent_used").asDouble() * 100);
        }
        byPool.forEach((pool, fields) -> out.add(Measurement.POOL, Map.of("fsid", fsid, "pool", pool), fields, at));
    }

    /** Use and PGs from {@code osd df}, latency from {@code osd perf}, by OSD id; {@code osd df} lists every OSD. */
    static void osds(LineProtocol out, String fsid, JsonNode osdPerf, JsonNode osdDf, long at) {
        Map<String, Map<String, Double>> byOsd = new LinkedHashMap<>();
        for (JsonNode osd : osdDf.path("nodes")) {
            Map<String, Double> fields = byOsd.computeIfAbsent(osd.path("id").asText(), id -> new LinkedHashMap<>());
            fields.put("utilization", osd.path("utilization").asDouble());
            fields.put("used_bytes", osd.path("kb_used").asDouble() * 1024);
            fields.put("total_bytes", osd.path("kb").asDouble() * 1024);
            fields.put("pgs", osd.path("pgs").asDouble());
        }
        for (JsonNode osd : osdPerf.path("osdstats").path("osd_perf_infos")) {
            Map<String, Double> fields = byOsd.get(osd.path("id").asText());
            if (fields != null) {
                fields.put("commit_latency_ms", osd.path("perf_stats").path("commit_latency_ms").asDouble());
                fields.put("apply_latency_ms", osd.path("perf_stats").path("apply_latency_ms").asDouble());
            }
        }
        byOsd.forEach((osd, fields) -> out.add(Measurement.OSD, Map.of("fsid", fsid, "osd", osd), fields, at));
    }

    private static Map<String, Double> clientIo(JsonNode rates) {
        Map<String, Double> fields = new LinkedHashMap<>();
        fields.put("read_ops", rates.path("read_op_per_sec").asDouble(0));
        fields.put("write_ops", rates.path("write_op_per_sec").asDouble(0));
        fields.put("read_bytes", rates.path("read_bytes_sec").asDouble(0));
        fields.put("write_bytes", rates.path("write_bytes_sec").asDouble(0));
        return fields;
    }
}
