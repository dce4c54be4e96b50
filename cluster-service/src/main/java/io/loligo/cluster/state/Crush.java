package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.CrushViews;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Calamari's CRUSH resources from {@code osd crush dump}. Pure. */
public final class Crush {
    /** CRUSH weights are 16.16 fixed point. */
    private static final double WEIGHT_UNIT = 0x10000;

    private Crush() {
    }

    public static List<CrushViews.Rule> rules(JsonNode crushDump) {
        Map<Integer, JsonNode> buckets = buckets(crushDump);
        List<CrushViews.Rule> rules = new ArrayList<>();
        for (JsonNode rule : crushDump.path("rules")) {
            List<JsonNode> steps = new ArrayList<>();
            Set<Integer> osds = new HashSet<>();
            for (JsonNode step : rule.path("steps")) {
                steps.add(step);
                if ("take".equals(step.path("op").asText())) {
                    collectOsds(step.path("item").asInt(), buckets, osds, new HashSet<>());
                }
            }
            rules.add(new CrushViews.Rule(rule.path("rule_id").asInt(), rule.path("rule_name").asText(),
                    rule.path("ruleset").asInt(rule.path("rule_id").asInt()), rule.path("type").asInt(),
                    rule.path("min_size").asInt(), rule.path("max_size").asInt(), steps, osds.size()));
        }
        return rules;
    }

    public static List<CrushViews.RuleSet> ruleSets(JsonNode crushDump) {
        Map<Integer, List<CrushViews.Rule>> byRuleset = new TreeMap<>();
        rules(crushDump).forEach(rule -> byRuleset.computeIfAbsent(rule.ruleset(), r -> new ArrayList<>()).add(rule));
        List<CrushViews.RuleSet> sets = new ArrayList<>();
        byRuleset.forEach((id, rules) -> sets.add(new CrushViews.RuleSet(id, rules)));
        return sets;
    }

    public static List<CrushViews.Node> nodes(JsonNode crushDump) {
        List<CrushViews.Node> nodes = new ArrayList<>();
        for (JsonNode bucket : crushDump.path("buckets")) {
            List<CrushViews.Item> items = new ArrayList<>();
            bucket.path("items").forEach(item -> items.add(new CrushViews.Item(item.path("id").asInt(),
                    item.path("weight").asLong() / WEIGHT_UNIT, item.path("pos").asInt())));
            nodes.add(new CrushViews.Node(bucket.path("type_name").asText(), bucket.path("name").asText(),
                    bucket.path("id").asInt(), bucket.path("weight").asLong() / WEIGHT_UNIT, bucket.path("alg").asText(),
                    bucket.path("hash").asText(), items));
        }
        return nodes;
    }

    public static List<CrushViews.Type> types(JsonNode crushDump) {
        List<CrushViews.Type> types = new ArrayList<>();
        crushDump.path("types").forEach(type -> types.add(new CrushViews.Type(type.path("type_id").asInt(), type.path("name").asText())));
        return types;
    }

    private static Map<Integer, JsonNode> buckets(JsonNode crushDump) {
        Map<Integer, JsonNode> buckets = new HashMap<>();
        crushDump.path("buckets").forEach(bucket -> buckets.put(bucket.path("id").asInt(), bucket));
        return buckets;
    }

    /** OSDs have ids from 0, buckets below 0; {@code seen} guards against a malformed map with a cycle. */
    private static void collectOsds(int id, Map<Integer, JsonNode> buckets, Set<Integer> osds, Set<Integer> seen) {
        if (id >= 0) {
            osds.add(id);
            return;
        }
        if (!seen.add(id) || !buckets.containsKey(id)) {
            return;
        }
        buckets.get(id).path("items").forEach(item -> collectOsds(item.path("id").asInt(), buckets, osds, seen));
    }
}
