package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CRUSH map, as {@code osd crush dump} gives it, made again with Ceph's own builder in libceph-common, and inputs
 * placed on it with Ceph's own mapper: what crushtool and osdmaptool compute, without writing the map to a file and
 * mapping every PG of it. Weight sets ({@code choose_args}) are not made: {@link #build} refuses a map that has any.
 * Not thread-safe; close it to free the native map.
 */
final class CrushMapper implements AutoCloseable {
    private static final Map<String, Integer> ALGORITHMS = Map.of("uniform", 1, "list", 2, "tree", 3, "straw", 4, "straw2", 5);
    private static final Map<String, Integer> OPS = Map.ofEntries(Map.entry("noop", 0), Map.entry("take", 1),
            Map.entry("choose_firstn", 2), Map.entry("choose_indep", 3), Map.entry("emit", 4), Map.entry("chooseleaf_firstn", 6),
            Map.entry("chooseleaf_indep", 7), Map.entry("set_choose_tries", 8), Map.entry("set_chooseleaf_tries", 9),
            Map.entry("set_choose_local_tries", 10), Map.entry("set_choose_local_fallback_tries", 11),
            Map.entry("set_chooseleaf_vary_r", 12), Map.entry("set_chooseleaf_stable", 13));

    private final LibCephCrush crush;
    private final Pointer map;

    /** Why a map cannot be made here: the caller maps with Ceph's tools instead. */
    static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why);
        }
    }

    private CrushMapper(LibCephCrush crush, Pointer map) {
        this.crush = crush;
        this.map = map;
    }

    /** The map of this dump, its tunables set before its buckets are made, as straw buckets weigh items by them. */
    static CrushMapper build(LibCephCrush crush, JsonNode dump) throws Unsupported {
        if (!dump.path("choose_args").isEmpty()) {
            throw new Unsupported("the CRUSH map has weight sets (choose_args)");
        }
        Map<String, Integer> types = new HashMap<>();
        dump.path("types").forEach(type -> types.put(type.path("name").asText(), type.path("type_id").asInt()));
        CrushMapper mapper = new CrushMapper(crush, crush.crush_create());
        try {
            mapper.setTunables(dump.path("tunables"));
            for (JsonNode bucket : dump.path("buckets")) {
                mapper.addBucket(bucket);
            }
            for (JsonNode rule : dump.path("rules")) {
                mapper.addRule(rule, types);
            }
            crush.crush_finalize(mapper.map);
            return mapper;
        } catch (Unsupported | RuntimeException e) {
            mapper.close();
            throw e;
        }
    }

    private void setTunables(JsonNode tunables) throws Unsupported {
        map.setInt(LibCephCrush.CHOOSE_LOCAL_TRIES, required(tunables, "choose_local_tries"));
        map.setInt(LibCephCrush.CHOOSE_LOCAL_FALLBACK_TRIES, required(tunables, "choose_local_fallback_tries"));
        map.setInt(LibCephCrush.CHOOSE_TOTAL_TRIES, required(tunables, "choose_total_tries"));
        map.setInt(LibCephCrush.CHOOSELEAF_DESCEND_ONCE, required(tunables, "chooseleaf_descend_once"));
        map.setByte(LibCephCrush.CHOOSELEAF_VARY_R, (byte) required(tunables, "chooseleaf_vary_r"));
        map.setByte(LibCephCrush.CHOOSELEAF_STABLE, (byte) required(tunables, "chooseleaf_stable"));
        map.setByte(LibCephCrush.STRAW_CALC_VERSION, (byte) required(tunables, "straw_calc_version"));
        map.setInt(LibCephCrush.ALLOWED_BUCKET_ALGS, required(tunables, "allowed_bucket_algs"));
    }

    private void addBucket(JsonNode bucket) throws Unsupported {
        Integer algorithm = ALGORITHMS.get(bucket.path("alg").asText());
        if (algorithm == null || !"rjenkins1".equals(bucket.path("hash").asText())) {
            throw new Unsupported("bucket " + bucket.path("name").asText() + " has algorithm " + bucket.path("alg").asText()
                    + " and hash " + bucket.path("hash").asText());
        }
        JsonNode items = bucket.path("items");
        int[] ids = new int[items.size()];
        int[] weights = new int[items.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = items.path(i).path("id").asInt();
            weights[i] = items.path(i).path("weight").asInt();
        }
        int id = bucket.path("id").asInt();
        Pointer made = crush.crush_make_bucket(map, algorithm, LibCephCrush.HASH_RJENKINS1, bucket.path("type_id").asInt(), ids.length, ids, weights);
        if (made == null || crush.crush_add_bucket(map, id, made, new int[1]) != 0) {
            throw new Unsupported("libceph-common did not take CRUSH bucket " + id);
        }
    }

    private void addRule(JsonNode rule, Map<String, Integer> types) throws Unsupported {
        JsonNode steps = rule.path("steps");
        int id = rule.path("rule_id").asInt();
        Pointer made = crush.crush_make_rule(steps.size(), rule.path("ruleset").asInt(id), rule.path("type").asInt(),
                rule.path("min_size").asInt(), rule.path("max_size").asInt());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.path(i);
            Integer op = OPS.get(step.path("op").asText());
            if (op == null) {
                throw new Unsupported("rule " + id + " has a step " + step.path("op").asText());
            }
            int first = step.has("item") ? step.path("item").asInt() : step.path("num").asInt();
            int second = 0;
            if (step.has("type")) {
                Integer type = types.get(step.path("type").asText());
                if (type == null) {
                    throw new Unsupported("rule " + id + " names a type " + step.path("type").asText() + " the map has not");
                }
                second = type;
            }
            crush.crush_rule_set_step(made, i, op, first, second);
        }
        if (crush.crush_add_rule(map, made, id) != id) {
            throw new Unsupported("libceph-common did not take CRUSH rule " + id);
        }
    }

    private static int required(JsonNode tunables, String name) throws Unsupported {
        if (!tunables.path(name).isIntegralNumber()) {
            throw new Unsupported("the CRUSH map's tunables lack " + name);
        }
        return tunables.path(name).asInt();
    }

    /** The rule a pool of this rule id, type and size maps with, as the OSD map finds it; -1 when none fits. */
    int findRule(int ruleset, int type, int size) {
        return crush.crush_find_rule(map, ruleset, type, size);
    }

    /** Ceph's rjenkins1 hash of two values: how a pool's PGs are spread over its inputs ({@code HASHPSPOOL}). */
    int hash(int a, int b) {
        return crush.crush_hash32_2(LibCephCrush.HASH_RJENKINS1, a, b);
    }

    /** Override weights for {@link #map}, one per OSD id, {@link LibCephCrush#WEIGHT_IN} being in. */
    static Memory weights(int[] byOsd) {
        Memory weights = new Memory(Math.max(1, byOsd.length) * 4L);
        weights.write(0, byOsd, 0, byOsd.length);
        return weights;
    }

    /**
     * The items the rule chooses for this input, as {@code CrushWrapper::do_rule} gets them: a fresh workspace each
     * time, {@code size} slots at most; an indep rule's empty slots are {@link LibCephCrush#ITEM_NONE}.
     */
    List<Integer> map(int rule, int x, int size, Memory weights) {
        int[] result = new int[size];
        Memory workspace = new Memory(map.getLong(LibCephCrush.WORKING_SIZE) + 3L * 4 * size);
        crush.crush_init_workspace(map, workspace);
        int count = crush.crush_do_rule(map, rule, x, result, size, weights, (int) (weights.size() / 4), workspace, null);
        List<Integer> items = new ArrayList<>(Math.max(0, count));
        for (int i = 0; i < count; i++) {
            items.add(result[i]);
        }
        return items;
    }

    @Override
    public void close() {
        crush.crush_destroy(map);
    }
}
