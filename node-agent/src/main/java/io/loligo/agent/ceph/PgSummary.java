package io.loligo.agent.ceph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reduces {@code pg dump pgs_brief} (about 90 bytes per PG) to counts of PGs by state: overall, by pool and by OSD
 * (each PG counted once for every OSD of its acting set), plus the pools each OSD serves. Only these cross the
 * broker. The dump is read as a stream: a million PGs make 90 MB of JSON, which as a tree would not fit an agent's
 * heap. Pure.
 */
public final class PgSummary {
    private static final JsonFactory JSON = new JsonFactory();

    private PgSummary() {
    }

    /** @throws UncheckedIOException when the dump is not the JSON {@code pg dump pgs_brief} writes */
    public static ObjectNode reduce(byte[] pgsBrief) {
        Map<String, Long> all = new TreeMap<>();
        Map<String, Map<String, Long>> byPool = new TreeMap<>();
        Map<String, Map<String, Long>> byOsd = new TreeMap<>();
        Map<String, Set<Integer>> poolsByOsd = new TreeMap<>();
        try (JsonParser parser = JSON.createParser(pgsBrief)) {
            if (!seekField(parser, "pg_stats") || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("no pg_stats array");
            }
            List<String> acting = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String pgid = "";
                String state = "unknown";
                acting.clear();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "pgid" -> pgid = parser.getText();
                        case "state" -> state = parser.getText();
                        case "acting" -> {
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                acting.add(parser.getText());
                            }
                        }
                        default -> {
                            if (value.isStructStart()) {
                                parser.skipChildren();
                            }
                        }
                    }
                }
                String pool = pgid.contains(".") ? pgid.substring(0, pgid.indexOf('.')) : pgid;
                all.merge(state, 1L, Long::sum);
                byPool.computeIfAbsent(pool, p -> new TreeMap<>()).merge(state, 1L, Long::sum);
                for (String osd : acting) {
                    byOsd.computeIfAbsent(osd, o -> new TreeMap<>()).merge(state, 1L, Long::sum);
                    poolsByOsd.computeIfAbsent(osd, o -> new TreeSet<>()).add(Integer.parseInt(pool));
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException("'pg dump pgs_brief' returned unreadable JSON: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.set("all", counts(all));
        summary.set("by_pool", nested(byPool));
        summary.set("by_osd", nested(byOsd));
        ObjectNode pools = summary.putObject("pools_by_osd");
        poolsByOsd.forEach((osd, ids) -> ids.forEach(pools.putArray(osd)::add));
        return summary;
    }

    /** Moves to the value of a top-level field. */
    private static boolean seekField(JsonParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.currentName().equals(name)) {
                return true;
            }
            if (parser.nextToken().isStructStart()) {
                parser.skipChildren();
            }
        }
        return false;
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
