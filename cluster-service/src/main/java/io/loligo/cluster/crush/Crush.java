package io.loligo.cluster.crush;

import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Calamari's CRUSH resources from the CRUSH map. Pure. */
public final class Crush {

    private Crush() {
    }

    public static List<CrushViews.Rule> rules(CrushMap crush) {
        Map<Integer, CrushMap.Bucket> buckets = new HashMap<>();
        crush.buckets().forEach(bucket -> buckets.put(bucket.id(), bucket));
        List<CrushViews.Rule> rules = new ArrayList<>();
        for (CrushMap.Rule rule : crush.rules()) {
            Set<Integer> osds = new HashSet<>();
            rule.steps().stream().filter(step -> step.op() == CrushMap.Op.TAKE)
                    .forEach(take -> collectOsds(buckets, take.item(), osds, new HashSet<>()));
            rules.add(new CrushViews.Rule(rule.id(), rule.name(), rule.ruleset(), rule.type().number, rule.minSize(),
                    rule.maxSize(), rule.steps().stream().map(Crush::step).toList(), osds.size()));
        }
        return rules;
    }

    /** A step as Ceph dumps it. */
    static CrushForms.Step step(CrushMap.Step step) {
        return new CrushForms.Step(step.op().dumped(), step.item(), step.itemName(), step.num(), step.type());
    }

    public static List<CrushViews.RuleSet> ruleSets(CrushMap crush) {
        Map<Integer, List<CrushViews.Rule>> byRuleset = new TreeMap<>();
        rules(crush).forEach(rule -> byRuleset.computeIfAbsent(rule.ruleset(), r -> new ArrayList<>()).add(rule));
        List<CrushViews.RuleSet> sets = new ArrayList<>();
        byRuleset.forEach((id, rules) -> sets.add(new CrushViews.RuleSet(id, rules)));
        return sets;
    }

    public static List<CrushViews.Node> nodes(CrushMap crush) {
        return crush.buckets().stream().map(bucket -> new CrushViews.Node(bucket.typeName(), bucket.name(), bucket.id(),
                bucket.weight() / CrushMap.WEIGHT_UNIT, bucket.algorithm().dumped(), bucket.hash().dumped(),
                bucket.items().stream().map(item -> new CrushViews.Item(item.id(), item.usualWeight(), item.pos())).toList()))
                .toList();
    }

    public static List<CrushViews.Type> types(CrushMap crush) {
        return crush.types().stream().map(type -> new CrushViews.Type(type.id(), type.name())).toList();
    }

    /** OSDs have ids from 0, buckets below 0; {@code seen} guards against a malformed map with a cycle. */
    private static void collectOsds(Map<Integer, CrushMap.Bucket> buckets, int id, Set<Integer> osds, Set<Integer> seen) {
        if (id >= 0) {
            osds.add(id);
            return;
        }
        if (!seen.add(id) || !buckets.containsKey(id)) {
            return;
        }
        buckets.get(id).items().forEach(item -> collectOsds(buckets, item.id(), osds, seen));
    }
}
