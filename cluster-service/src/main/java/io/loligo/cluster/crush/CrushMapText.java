package io.loligo.cluster.crush;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CRUSH map as text, written exactly as {@code crushtool -d} writes it, so that
 * neither the agent nor its host needs crushtool. Pure.
 */
public final class CrushMapText {
    /** Tunables are written only where they differ from these legacy values, as crushtool does. */
    private static final Map<String, Long> LEGACY_TUNABLES = legacyTunables();
    private static final String KEEP_ID = "\t\t# do not change unnecessarily\n";

    private final CrushMap crush;
    private final Map<Integer, CrushMap.Bucket> buckets = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    private CrushMapText(CrushMap crush) {
        this.crush = crush;
        crush.devices().forEach(device -> names.put(device.id(), device.name()));
        crush.buckets().forEach(bucket -> {
            buckets.put(bucket.id(), bucket);
            names.put(bucket.id(), bucket.name());
        });
    }

    public static String of(CrushMap crush) {
        return new CrushMapText(crush).write();
    }

    private String write() {
        out.append("# begin crush map\n");
        LEGACY_TUNABLES.forEach((tunable, legacy) -> {
            Long value = crush.tunables().get(tunable);
            if (value != null && value.longValue() != legacy) {
                out.append("tunable ").append(tunable).append(' ').append(value).append('\n');
            }
        });
        out.append("\n# devices\n");
        for (CrushMap.Device device : crush.devices()) {
            out.append("device ").append(device.id()).append(' ').append(device.name());
            if (device.deviceClass() != null) {
                out.append(" class ").append(device.deviceClass());
            }
            out.append('\n');
        }
        out.append("\n# types\n");
        crush.types().forEach(type -> out.append("type ").append(type.id()).append(' ').append(type.name()).append('\n'));
        out.append("\n# buckets\n");
        writeBuckets();
        out.append("\n# rules\n");
        crush.rules().forEach(this::writeRule);
        if (!crush.chooseArgs().isEmpty()) {
            out.append("\n# choose_args\n");
            crush.chooseArgs().forEach(this::writeChooseArgs);
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
        CrushMap.Bucket bucket = buckets.get(id);
        if (bucket == null || bucket.isShadow() || !written.add(id)) {
            return;
        }
        bucket.items().stream().filter(item -> item.id() < 0).forEach(item -> writeBucketAfterChildren(item.id(), written));
        writeBucket(bucket);
    }

    private void writeBucket(CrushMap.Bucket bucket) {
        out.append(bucket.typeName()).append(' ').append(bucket.name()).append(" {\n");
        out.append("\tid ").append(bucket.id()).append(KEEP_ID);
        shadowsOf(bucket.name()).forEach((deviceClass, shadowId) ->
                out.append("\tid ").append(shadowId).append(" class ").append(deviceClass).append(KEEP_ID));
        out.append("\t# weight ").append(fixedPoint(bucket.weight())).append('\n');
        out.append("\talg ").append(bucket.algorithm().dumped());
        switch (bucket.algorithm()) {
            case UNIFORM -> out.append("\t# do not change bucket size (").append(bucket.items().size()).append(") unnecessarily");
            case LIST -> out.append("\t# add new items at the end; do not change order unnecessarily");
            case TREE -> out.append("\t# do not change pos for existing items unnecessarily");
            case STRAW, STRAW2 -> {
                // no advice
            }
        }
        out.append('\n');
        boolean withPositions = bucket.algorithm() == CrushMap.Algorithm.UNIFORM || bucket.algorithm() == CrushMap.Algorithm.TREE;
        // rjenkins1 is the only hash CRUSH has, number 0
        out.append("\thash 0\t# ").append(bucket.hash().dumped()).append('\n');
        int position = 0;
        for (CrushMap.Item item : bucket.items()) {
            out.append("\titem ").append(names.getOrDefault(item.id(), String.valueOf(item.id())))
                    .append(" weight ").append(fixedPoint(item.weight()));
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
            if (bucket.name().startsWith(name + CrushMap.CLASS_MARK)) {
                shadows.put(bucket.name().substring(name.length() + 1), bucket.id());
            }
        });
        return shadows;
    }

    private void writeRule(CrushMap.Rule rule) {
        out.append("rule ").append(rule.name()).append(" {\n");
        out.append("\tid ").append(rule.ruleset()).append('\n');
        out.append("\ttype ").append(rule.type().dumped()).append('\n');
        out.append("\tmin_size ").append(rule.minSize()).append('\n');
        out.append("\tmax_size ").append(rule.maxSize()).append('\n');
        for (CrushMap.Step step : rule.steps()) {
            out.append("\tstep ").append(step(step)).append('\n');
        }
        out.append("}\n");
    }

    private static String step(CrushMap.Step step) {
        return switch (step.op().kind) {
            case TAKE -> {
                String item = step.itemName();
                int shadow = item.indexOf(CrushMap.CLASS_MARK);
                yield "take " + (shadow < 0 ? item : item.substring(0, shadow) + " class " + item.substring(shadow + 1));
            }
            case PLAIN -> step.op().dumped();
            case CHOOSE -> {
                String[] parts = step.op().dumped().split("_");
                yield parts[0] + " " + parts[1] + " " + step.num() + " type " + step.type();
            }
            case TUNABLE -> step.op().dumped() + " " + step.num();
        };
    }

    /** Weight sets: the id is written as the unsigned 64-bit number crushtool prints (-1 is the compat set). */
    private void writeChooseArgs(long id, List<CrushMap.WeightSet> sets) {
        out.append("choose_args ").append(Long.toUnsignedString(id)).append(" {\n");
        for (CrushMap.WeightSet set : sets) {
            out.append("  {\n");
            out.append("    bucket_id ").append(set.bucketId()).append('\n');
            if (set.weights() != null) {
                out.append("    weight_set [\n");
                for (List<Double> position : set.weights()) {
                    List<String> weights = position.stream().map(weight -> decimal(new BigDecimal(weight))).toList();
                    out.append("      [ ").append(String.join(" ", weights)).append(" ]\n");
                }
                out.append("    ]\n");
            }
            if (set.ids() != null) {
                List<String> ids = set.ids().stream().map(String::valueOf).toList();
                out.append("    ids [ ").append(String.join(" ", ids)).append(" ]\n");
            }
            out.append("  }\n");
        }
        out.append("}\n");
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
