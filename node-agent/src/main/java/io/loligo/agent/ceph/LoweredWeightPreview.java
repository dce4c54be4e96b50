package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.Memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What lowering an up OSD's override weight would move ({@code osd out} is 0), mapped with Ceph's CRUSH from
 * libceph-common on the PGs that hold the OSD now, and on no other PG. Lowering a weight only makes CRUSH pass the
 * OSD over for more inputs: a PG that does not hold it met it, if at all, only to pass it over, and passes it over
 * still, so its mapping stays. On 10,000 OSDs that is some hundreds of PGs to map instead of every one of a million
 * twice.
 *
 * <p>The PGs that hold it are the PG map's ({@code pg ls-by-osd}, which lists by acting set). That is exact when
 * every PG is active+clean (each acting set is its up set, and the PG map has followed the OSD map), no upmap moves a
 * PG from the OSD (such a PG holds it in CRUSH's mapping but not in its up set) and no OSD has a primary affinity,
 * and it is checked: each listed PG's up set, mapped here from the OSD map now, must be the one the PG map gives.
 * Where any of that does not hold, {@link #preview} says why and the caller maps every PG with osdmaptool.
 */
final class LoweredWeightPreview {
    private LoweredWeightPreview() {
    }

    /**
     * What the preview reads from the cluster, together.
     *
     * @param osdDump {@code osd dump}
     * @param crushDump {@code osd crush dump}
     * @param listed {@code pg ls-by-osd}'s PGs for the OSD
     * @param pgStat {@code pg stat}
     */
    record Inputs(JsonNode osdDump, JsonNode crushDump, JsonNode listed, JsonNode pgStat) {
    }

    /**
     * @return the preview as {@link MovementPreview#compare} makes it, every PG of the map counted in {@code pgs}
     * @throws CrushMapper.Unsupported when it would not be exact, saying why
     */
    static ObjectNode preview(LibCephCrush crush, Inputs inputs, int osd, double weight, ObjectMapper mapper) throws CrushMapper.Unsupported {
        JsonNode osdDump = inputs.osdDump();
        JsonNode state = osdState(osdDump, osd);
        double current = state.path("weight").asDouble();
        if (state.path("up").asInt() != 1) {
            throw new CrushMapper.Unsupported("osd." + osd + " is down: CRUSH's mapping holds it where no up set does");
        }
        if (weight > current) {
            throw new CrushMapper.Unsupported("a higher weight draws PGs that do not hold osd." + osd + " now");
        }
        requireAllClean(inputs.pgStat());
        for (JsonNode other : osdDump.path("osds")) {
            if (other.path("primary_affinity").asDouble(1) != 1) {
                throw new CrushMapper.Unsupported("osd." + other.path("osd").asInt() + " has a primary affinity, which reorders up sets");
            }
        }
        for (JsonNode item : osdDump.path("pg_upmap_items")) {
            for (JsonNode mapping : item.path("mappings")) {
                if (mapping.path("from").asInt() == osd) {
                    throw new CrushMapper.Unsupported("an upmap moves PG " + item.path("pgid").asText() + " from osd." + osd);
                }
            }
        }

        Map<Integer, JsonNode> pools = new HashMap<>();
        osdDump.path("pools").forEach(pool -> pools.put(pool.path("pool").asInt(), pool));
        Map<Integer, Double> weights = MovementPreview.overrideWeights(osdDump);
        Map<Integer, Double> lowered = new HashMap<>(weights);
        lowered.put(osd, weight);
        MovementPreview.Placement placement = MovementPreview.Placement.of(osdDump);
        Set<Integer> existing = new HashSet<>(weights.keySet());
        int maxOsd = osdDump.path("max_osd").asInt();

        Map<String, List<Integer>> before = new LinkedHashMap<>();
        Map<String, List<Integer>> after = new LinkedHashMap<>();
        Map<String, long[]> contents = new HashMap<>();
        int[] crushWeights = crushWeights(weights, maxOsd);
        try (CrushMapper map = CrushMapper.build(crush, inputs.crushDump())) {
            Memory now = CrushMapper.weights(crushWeights);
            // as the mons take a new override weight: a float's 16.16 fixed point, truncated
            crushWeights[osd] = (int) ((float) LibCephCrush.WEIGHT_IN * (float) weight);
            Memory then = CrushMapper.weights(crushWeights);
            for (JsonNode pg : inputs.listed()) {
                List<Integer> reported = withoutEmptySlots(pg.path("up"));
                if (!reported.contains(osd)) {
                    continue;
                }
                String pgid = pg.path("pgid").asText();
                JsonNode pool = pools.get(Integer.parseInt(pgid.substring(0, pgid.indexOf('.'))));
                if (pool == null) {
                    throw new CrushMapper.Unsupported("PG " + pgid + " is of a pool the OSD map has not");
                }
                int seed = Integer.parseInt(pgid.substring(pgid.indexOf('.') + 1), 16);
                List<Integer> was = placement.up(pgid, raw(map, pool, seed, now, existing), weights);
                if (!was.equals(reported)) {
                    throw new CrushMapper.Unsupported("PG " + pgid + " is on " + reported + " in the PG map and on " + was
                            + " in the OSD map now: the PG map has not followed it yet");
                }
                before.put(pgid, was);
                after.put(pgid, placement.up(pgid, raw(map, pool, seed, then, existing), lowered));
                JsonNode sum = pg.path("stat_sum");
                contents.put(pgid, new long[] {sum.path("num_objects").asLong(), sum.path("num_bytes").asLong()});
            }
        }
        int pgs = 0;
        for (JsonNode pool : pools.values()) {
            pgs += pool.path("pg_num").asInt();
        }
        return MovementPreview.compare(before, after, contents, mapper).put("pgs", pgs);
    }

    private static JsonNode osdState(JsonNode osdDump, int osd) throws CrushMapper.Unsupported {
        for (JsonNode state : osdDump.path("osds")) {
            if (state.path("osd").asInt() == osd) {
                return state;
            }
        }
        throw new CrushMapper.Unsupported("osd." + osd + " is not in the OSD map");
    }

    /** Every PG active+clean, scrubbing or not: none peering, remapped, backfilling, degraded or unknown. */
    private static void requireAllClean(JsonNode pgStat) throws CrushMapper.Unsupported {
        JsonNode summary = pgStat.path("pg_summary");
        if (!pgStat.path("pg_ready").asBoolean(false)) {
            throw new CrushMapper.Unsupported("the mgr has no PG map yet");
        }
        for (JsonNode state : summary.path("num_pg_by_state")) {
            String name = state.path("name").asText();
            if (!name.equals("active+clean") && !name.startsWith("active+clean+")) {
                throw new CrushMapper.Unsupported(state.path("num").asInt() + " PGs are " + name);
            }
        }
    }

    /**
     * The PG's raw mapping, as the OSD map makes it: its seed folded onto pgp_num and hashed with the pool's id
     * ({@code HASHPSPOOL}, else added to it), mapped by the rule the pool's rule id, type and size find, and OSDs that
     * do not exist taken out.
     */
    private static List<Integer> raw(CrushMapper crush, JsonNode pool, int seed, Memory weights, Set<Integer> existing) {
        int id = pool.path("pool").asInt();
        int size = pool.path("size").asInt();
        int folded = MovementPreview.stableMod(seed, pool.path("pg_placement_num").asInt());
        int x = (pool.path("flags").asLong() & 1) != 0 ? crush.hash(folded, id) : folded + id;
        int rule = crush.findRule(pool.path("crush_rule").asInt(), pool.path("type").asInt(), size);
        if (rule < 0) {
            return List.of();
        }
        List<Integer> raw = new ArrayList<>(crush.map(rule, x, size, weights));
        raw.removeIf(item -> item == LibCephCrush.ITEM_NONE || !existing.contains(item));
        return raw;
    }

    /** The OSD map's override weights as CRUSH takes them, {@code 0x10000} for 1, by OSD id up to its max_osd. */
    private static int[] crushWeights(Map<Integer, Double> weights, int maxOsd) {
        int[] byOsd = new int[maxOsd];
        weights.forEach((osd, weight) -> {
            if (osd < maxOsd) {
                byOsd[osd] = (int) Math.round(weight * LibCephCrush.WEIGHT_IN);
            }
        });
        return byOsd;
    }

    private static List<Integer> withoutEmptySlots(JsonNode set) {
        List<Integer> osds = new ArrayList<>();
        set.forEach(osd -> {
            if (osd.asInt() != LibCephCrush.ITEM_NONE) {
                osds.add(osd.asInt());
            }
        });
        return osds;
    }
}
