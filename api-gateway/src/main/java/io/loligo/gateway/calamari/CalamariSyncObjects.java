package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Calamari's sync objects from the maps Loligo holds. Calamari held what Ceph's commands of its day answered; where
 * Ceph 16 answers differently, the object is rebuilt the way Calamari's clients read it, keeping Ceph 16's own fields
 * beside. Pure.
 */
final class CalamariSyncObjects {
    private CalamariSyncObjects() {
    }

    /**
     * Calamari's {@code osd_map}: {@code osd dump} at the top level ({@code epoch}, {@code fsid}, {@code osds},
     * {@code pools}, {@code flags}, ...), with {@code tree}, {@code crush}, {@code crush_map_text} and
     * {@code osd_metadata} beside it.
     *
     * @param held Loligo's copy: {@code {osd_dump, osd_tree, osd_metadata, crush_dump}}
     */
    static JsonNode osdMap(JsonNode held, String crushMapText) {
        ObjectNode calamari = held.path("osd_dump").isObject() ? ((ObjectNode) held.get("osd_dump")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        calamari.set("tree", held.path("osd_tree"));
        calamari.set("crush", held.path("crush_dump"));
        calamari.put("crush_map_text", crushMapText);
        calamari.set("osd_metadata", held.path("osd_metadata"));
        return calamari;
    }

    /**
     * Calamari's {@code mds_map} was {@code mds dump}: one file system's map, with {@code up}, {@code in} and
     * {@code info} (standbys included) at the top. Ceph 16 has a map per file system in {@code fs dump}; the default
     * one (or the first) stands in, with the standbys added to its {@code info}, and the whole dump beside.
     */
    static JsonNode mdsMap(JsonNode fsDump) {
        JsonNode chosen = null;
        for (JsonNode filesystem : fsDump.path("filesystems")) {
            if (chosen == null || filesystem.path("id").asInt() == fsDump.path("default_fscid").asInt()) {
                chosen = filesystem;
            }
        }
        ObjectNode calamari = chosen != null && chosen.path("mdsmap").isObject() ? ((ObjectNode) chosen.get("mdsmap")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (!calamari.has("up")) {
            calamari.putObject("up");
        }
        if (!calamari.has("in")) {
            calamari.putArray("in");
        }
        ObjectNode info = calamari.has("info") && calamari.get("info").isObject() ? (ObjectNode) calamari.get("info") : calamari.putObject("info");
        for (JsonNode standby : fsDump.path("standbys")) {
            info.set("gid_" + standby.path("gid").asText(), standby);
        }
        calamari.put("epoch", fsDump.path("epoch").asLong());
        for (Map.Entry<String, JsonNode> field : iterable(fsDump)) {
            if (!calamari.has(field.getKey())) {
                calamari.set(field.getKey(), field.getValue());
            }
        }
        return calamari;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
