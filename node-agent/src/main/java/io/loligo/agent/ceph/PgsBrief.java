package io.loligo.agent.ceph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code pg dump pgs_brief}, or {@code pg ls} for one pool, read as a stream, one PG at a time: a million PGs make
 * 129 MB of brief JSON, which as a tree would not fit an agent's heap. {@code pg ls} also holds each PG's scrub
 * stamps, at about 2 KB a PG. Pure.
 */
public final class PgsBrief {
    private static final JsonFactory JSON = new JsonFactory();

    private PgsBrief() {
    }

    /** One PG as the dump lists it; the scrub stamps only {@code pg ls} gives, in Ceph's format, or null. */
    public record Pg(String pgid, String state, List<Integer> up, List<Integer> acting, int upPrimary, int actingPrimary,
                     String lastScrubStamp, String lastDeepScrubStamp) {
        public String pool() {
            return pgid.contains(".") ? pgid.substring(0, pgid.indexOf('.')) : pgid;
        }
    }

    /** @throws UncheckedIOException when the dump is not the JSON {@code pg dump pgs_brief} writes */
    public static void forEach(byte[] pgsBrief, Consumer<Pg> each) {
        try (JsonParser parser = JSON.createParser(pgsBrief)) {
            if (!RawJson.seekTopLevelField(parser, "pg_stats") || parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("no pg_stats array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                each.accept(pg(parser));
            }
        } catch (IOException | NumberFormatException e) {
            throw new UncheckedIOException("'pg dump pgs_brief' returned unreadable JSON: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * One page of a pool's PGs, in the listing's order, or the one PG named.
     *
     * @return {@code {"count": <PGs matching>, "pgs": [<the page, as the dump lists them>]}}
     */
    public static ObjectNode page(byte[] pgsBrief, int pool, String pgid, int offset, int limit) {
        String poolId = String.valueOf(pool);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        ArrayNode pgs = page.putArray("pgs");
        long[] count = {0};
        forEach(pgsBrief, pg -> {
            if (pg.pool().equals(poolId) && (pgid == null || pgid.equals(pg.pgid()))) {
                if (count[0] >= offset && pgs.size() < limit) {
                    ObjectNode entry = pgs.addObject().put("pgid", pg.pgid()).put("state", pg.state());
                    pg.up().forEach(entry.putArray("up")::add);
                    pg.acting().forEach(entry.putArray("acting")::add);
                    entry.put("up_primary", pg.upPrimary()).put("acting_primary", pg.actingPrimary());
                    if (pg.lastScrubStamp() != null) {
                        entry.put("last_scrub_stamp", pg.lastScrubStamp()).put("last_deep_scrub_stamp", pg.lastDeepScrubStamp());
                    }
                }
                count[0]++;
            }
        });
        page.put("count", count[0]);
        return page;
    }

    private static Pg pg(JsonParser parser) throws IOException {
        String pgid = "";
        String state = "unknown";
        List<Integer> up = new ArrayList<>();
        List<Integer> acting = new ArrayList<>();
        int upPrimary = -1;
        int actingPrimary = -1;
        String lastScrubStamp = null;
        String lastDeepScrubStamp = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "pgid" -> pgid = parser.getText();
                case "state" -> state = parser.getText();
                case "up" -> readIds(parser, up);
                case "acting" -> readIds(parser, acting);
                case "up_primary" -> upPrimary = parser.getIntValue();
                case "acting_primary" -> actingPrimary = parser.getIntValue();
                case "last_scrub_stamp" -> lastScrubStamp = parser.getText();
                case "last_deep_scrub_stamp" -> lastDeepScrubStamp = parser.getText();
                default -> {
                    if (value.isStructStart()) {
                        parser.skipChildren();
                    }
                }
            }
        }
        return new Pg(pgid, state, up, acting, upPrimary, actingPrimary, lastScrubStamp, lastDeepScrubStamp);
    }

    private static void readIds(JsonParser parser, List<Integer> ids) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ids.add(parser.getIntValue());
        }
    }
}
