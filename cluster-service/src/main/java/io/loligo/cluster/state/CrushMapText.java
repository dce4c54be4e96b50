package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CRUSH map as text, written from {@code osd crush dump} exactly as {@code crushtool -d} writes it, so that
 * neither the agent nor its host needs crushtool. Pure.
 */
public final class CrushMapText {
    /** Tunables are written only where they differ from these legacy values, as crushtool does. */
    private static final Map<String, Long> LEGACY_TUNABLES = legacyTunables();
    private static final Map<Integer, String> RULE_TYPES = Map.of(1, "replicated", 2, "raid4", 3, "erasure");
    private static final String SHADOW_MARK = "~";
    private static final String KEEP_ID = "\t\t# do not change unnecessarily\n";

    private final JsonNode dump;
    private final Map<Integer, JsonNode> buckets = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private CrushMapText(JsonNode dump) {
        this.dump = dump;
        dump.path("devices").forEach(device -> names.put(device.path("id").asInt(), device.path("name").asText()));
        dump.path("buckets").forEach(bucket -> {
            buckets.put(bucket.path("id").asInt(), bucket);
            names.put(bucket.path("id").asInt(), bucket.path("name").asText());
        });
    }

    public static String of(JsonNode crushDump) {
        return new CrushMapText(crushDump).write();
    }

    private String write() {
        out.append("# begin crush map\n");
        LEGACY_TUNABLES.forEach((tunable, legacy) -> {
            JsonNode value = dump.path("tunables").path(tunable);
            if (!value.isMissingNode() && value.asLong() != legacy) {
                out.append("tunable ").append(tunable).append(' ').append(value.asLong()).append('\n');
            }
        });
        out.append("\n# devices\n");
        for (JsonNode device : dump.path("devices")) {
            out.append("device ").append(device.path("id").asInt()).append(' ').append(device.path("name").asText());
            if (device.hasNonNull("class")) {
                out.append(" class ").append(device.path("class").asText());
            }
            out.append('\n');
        }
        out.append("\n# types\n");
        dump.path("types").forEach(type -> out.append("type ").append(type.path("type_id").asInt()).append(' ')
                .append(type.path("name").asText()).append('\n'));
        out.append("\n# buckets\n");
        writeBuckets();
        out.append("\n# rules\n");
        dump.path("rules").forEach(this::writeRule);
        if (dump.path("choose_args").size() > 0) {
            out.append("\n# choose_args\n");
            dump.path("choose_args").fields().forEachRemaining(set -> writeChooseArgs(set.getKey(), set.getValue()));
        }
        out.append("\n# end crush map\n");
        return out.toString();
    }

    /** Children before parents, in bucket id order (-1, -2, ...), shadow buckets only as their owners' class ids. */
    private void writeBuckets() {
        Set<Integer> written = new HashSet<>();
        buckets.keySet().stream().sorted((a, b) -> Integer.compare(b, a))
                .forEach(id -> writeBucketAfterChildren(id, written));
    }

    private void writeBucketAfterChildren(int id, Set<Integer> written) {
        JsonNode bucket = buckets.get(id);
        if (bucket == null || isShadow(bucket) || !written.add(id)) {
            return;
        }
        bucket.path("items").forEach(item -> {
            if (item.path("id").asInt() < 0) {
                writeBucketAfterChildren(item.path("id").asInt(), written);
            }
        });
        writeBucket(bucket);
    }

    private void writeBucket(JsonNode bucket) {
        String name = bucket.path("name").asText();
        out.append(bucket.path("type_name").asText()).append(' ').append(name).append(" {\n");
        out.append("\tid ").append(bucket.path("id").asInt()).append(KEEP_ID);
        shadowsOf(name).forEach((deviceClass, shadowId) ->
                out.append("\tid ").append(shadowId).append(" class ").append(deviceClass).append(KEEP_ID));
        out.append("\t# weight ").append(fixedPoint(bucket.path("weight").asLong())).append('\n');
        String alg = bucket.path("alg").asText();
        out.append("\talg ").append(alg);
        switch (alg) {
            case "uniform" -> out.append("\t# do not change bucket size (").append(bucket.path("items").size()).append(") unnecessarily");
            case "list" -> out.append("\t# add new items at the end; do not change order unnecessarily");
            case "tree" -> out.append("\t# do not change pos for existing items unnecessarily");
            default -> {
                // straw and straw2 carry no advice
            }
        }
        out.append('\n');
        boolean withPositions = alg.equals("uniform") || alg.equals("tree");
        // rjenkins1 is the only hash CRUSH has, number 0
        out.append("\thash 0\t# ").append(bucket.path("hash").asText()).append('\n');
        int position = 0;
        for (JsonNode item : bucket.path("items")) {
            out.append("\titem ").append(names.getOrDefault(item.path("id").asInt(), String.valueOf(item.path("id").asInt())))
                    .append(" weight ").append(fixedPoint(item.path("weight").asLong()));
            if (withPositions) {
                out.append(" pos ").append(position);
            }
            out.append('\n');
            position++;
        }
        out.append("}\n");
    }

    /** The shadow bucket of each device class under a bucket, by class name. */
    private Map<String, Integer> shadowsOf(String name) {
        Map<String, Integer> shadows = new TreeMap<>();
        buckets.values().forEach(bucket -> {
            String shadowName = bucket.path("name").asText();
            if (shadowName.startsWith(name + SHADOW_MARK)) {
                shadows.put(shadowName.substring(name.length() + 1), bucket.path("id").asInt());
            }
        });
        return shadows;
    }

    private void writeRule(JsonNode rule) {
        out.append("rule ").append(rule.path("rule_name").asText()).append(" {\n");
        out.append("\tid ").append(rule.path("ruleset").asInt(rule.path("rule_id").asInt())).append('\n');
        int type = rule.path("type").asInt();
        out.append("\ttype ").append(RULE_TYPES.getOrDefault(type, String.valueOf(type))).append('\n');
        out.append("\tmin_size ").append(rule.path("min_size").asInt()).append('\n');
        out.append("\tmax_size ").append(rule.path("max_size").asInt()).append('\n');
        for (JsonNode step : rule.path("steps")) {
            out.append("\tstep ").append(step(step)).append('\n');
        }
        out.append("}\n");
    }

    private String step(JsonNode step) {
        String op = step.path("op").asText();
        return switch (op) {
            case "take" -> {
                String item = step.path("item_name").asText();
                int shadow = item.indexOf(SHADOW_MARK);
                yield "take " + (shadow < 0 ? item : item.substring(0, shadow) + " class " + item.substring(shadow + 1));
            }
            case "emit" -> "emit";
            case "choose_firstn", "chooseleaf_firstn", "choose_indep", "chooseleaf_indep" -> {
                String[] parts = op.split("_");
                yield parts[0] + " " + parts[1] + " " + step.path("num").asInt() + " type " + step.path("type").asText();
            }
            // set_choose_tries, set_chooseleaf_vary_r and the other tunable steps
            default -> op + " " + step.path("num").asInt();
        };
    }

    /** Weight sets: the id is written as the unsigned 64-bit number crushtool prints (-1 is the compat set). */
    private void writeChooseArgs(String id, JsonNode sets) {
        out.append("choose_args ").append(Long.toUnsignedString(Long.parseLong(id))).append(" {\n");
        for (JsonNode set : sets) {
            out.append("  {\n");
            out.append("    bucket_id ").append(set.path("bucket_id").asInt()).append('\n');
            if (set.has("weight_set")) {
                out.append("    weight_set [\n");
                for (JsonNode position : set.path("weight_set")) {
                    List<String> weights = new ArrayList<>();
                    position.forEach(weight -> weights.add(decimal(new BigDecimal(weight.asDouble()))));
                    out.append("      [ ").append(String.join(" ", weights)).append(" ]\n");
                }
                out.append("    ]\n");
            }
            if (set.has("ids")) {
                List<String> ids = new ArrayList<>();
                set.path("ids").forEach(item -> ids.add(item.asText()));
                out.append("    ids [ ").append(String.join(" ", ids)).append(" ]\n");
            }
            out.append("  }\n");
        }
        out.append("}\n");
    }

    private static boolean isShadow(JsonNode bucket) {
        return bucket.path("name").asText().contains(SHADOW_MARK);
    }

    /** CRUSH's 16.16 fixed point with three decimals, rounded half to even as C's printf rounds exact ties. */
    private static String fixedPoint(long weight) {
        return decimal(BigDecimal.valueOf(weight).divide(BigDecimal.valueOf(0x10000)));
    }

    private static String decimal(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static Map<String, Long> legacyTunables() {
        Map<String, Long> legacy = new LinkedHashMap<>();
        legacy.put("choose_local_tries", 2L);
        legacy.put("choose_local_fallback_tries", 5L);
        legacy.put("choose_total_tries", 19L);
        legacy.put("chooseleaf_descend_once", 0L);
        legacy.put("chooseleaf_vary_r", 0L);
        legacy.put("chooseleaf_stable", 0L);
        legacy.put("straw_calc_version", 0L);
        // uniform, list and straw: CRUSH_LEGACY_ALLOWED_BUCKET_ALGS
        legacy.put("allowed_bucket_algs", 22L);
        return legacy;
    }
}
