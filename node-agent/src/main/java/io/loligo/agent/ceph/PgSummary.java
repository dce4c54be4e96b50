package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reduces {@code pg dump pgs_brief} (about 90 bytes per PG) to counts of PGs by state: overall, by pool and by OSD
 * (each PG counted once for every OSD of its acting set), plus the pools each OSD serves. Only these cross the
 * broker. The dump is read as a stream ({@link PgsBrief}). Pure.
 */
public final class PgSummary {
    private PgSummary() {
    }

    /** @throws java.io.UncheckedIOException when the dump is not the JSON {@code pg dump pgs_brief} writes */
    public static ObjectNode reduce(byte[] pgsBrief) {
        Map<String, Long> all = new TreeMap<>();
        Map<String, Map<String, Long>> byPool = new TreeMap<>();
        Map<String, Map<String, Long>> byOsd = new TreeMap<>();
        Map<String, Set<Integer>> poolsByOsd = new TreeMap<>();
        PgsBrief.forEach(pgsBrief, pg -> {
            all.merge(pg.state(), 1L, Long::sum);
            byPool.computeIfAbsent(pg.pool(), p -> new TreeMap<>()).merge(pg.state(), 1L, Long::sum);
            for (int osd : pg.acting()) {
                String osdId = String.valueOf(osd);
                byOsd.computeIfAbsent(osdId, o -> new TreeMap<>()).merge(pg.state(), 1L, Long::sum);
                poolsByOsd.computeIfAbsent(osdId, o -> new TreeSet<>()).add(Integer.parseInt(pg.pool()));
            }
        });
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.set("all", counts(all));
        summary.set("by_pool", nested(byPool));
        summary.set("by_osd", nested(byOsd));
        ObjectNode pools = summary.putObject("pools_by_osd");
        poolsByOsd.forEach((osd, ids) -> ids.forEach(pools.putArray(osd)::add));
        return summary;
    }

    private static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        counts.forEach(node::put);
        return node;
    }

    private static ObjectNode nested(Map<String, Map<String, Long>> groups) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        groups.forEach((key, counts) -> node.set(key, counts(counts)));
        return node;
    }
}
