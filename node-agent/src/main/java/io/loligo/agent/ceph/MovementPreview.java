package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.PreviewCrushChange;
import io.loligo.contracts.command.PreviewOsdWeight;
import io.loligo.contracts.command.PreviewPoolChange;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a change would move, computed with Ceph's own {@code osdmaptool} and {@code crushtool} on a copy of the OSD
 * map: every PG mapped as the map is and as it would be, their up sets compared, and what the PGs that change hold
 * ({@code pg dump}) counted once for each OSD that would have to receive a copy. An up OSD's lower weight maps only
 * the PGs it holds, with libceph-common's CRUSH in process ({@link LoweredWeightPreview}), where that is exact. CRUSH
 * is Ceph's here, never reimplemented.
 */
@ApplicationScoped
public class MovementPreview {
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    /** The PGs a preview names one by one, at most: the counts stay exact beyond. */
    static final int MOST_NAMED = 10_000;
    /** One PG in osdmaptool's dump: {@code 3.0 raw ([3,0,4], p3) up ([3,0,4], p3) acting ([3,0,4], p3)}. */
    private static final Pattern PG_LINE = Pattern.compile("^(\\d+\\.[0-9a-f]+) raw \\(\\[[^]]*], p-?\\d+\\) up \\(\\[([^]]*)]");
    /** One x in crushtool's {@code --show-mappings}: {@code CRUSH rule 0 x 3 [2,1,0]}. */
    private static final Pattern CRUSH_LINE = Pattern.compile("^CRUSH rule \\d+ x (\\d+) \\[([^]]*)]");
    /** How osdmaptool prints a slot CRUSH could fill with no OSD. */
    private static final int NO_OSD = Integer.MAX_VALUE;

    private final String osdmaptool;
    private final String crushtool;
    private final ObjectMapper mapper;
    /** Ceph's CRUSH in process, where the agent's host has libceph-common where the agent was told it is. */
    private final Optional<LibCephCrush> crush;

    @Inject
    ClusterProbe cluster;

    @Inject
    public MovementPreview(AgentConfig config, ObjectMapper mapper) {
        this.osdmaptool = config.osdmaptool();
        this.crushtool = config.crushtool();
        this.mapper = mapper;
        this.crush = loadCrush(config.cephCommonLibrary());
    }

    private static Optional<LibCephCrush> loadCrush(String library) {
        try {
            return Optional.of(LibCephCrush.load(library));
        } catch (UnsatisfiedLinkError e) {
            Log.warnf("%s not loaded (%s): previews of an OSD's lower weight map every PG with osdmaptool", library, e.getMessage());
            return Optional.empty();
        }
    }

    private record Snapshot(byte[] osdMap, JsonNode osdDump, Map<String, long[]> contents) {
    }

    /**
     * What giving the OSD this override weight would move, from the OSD map now. A lower weight for an up OSD is
     * mapped in process on the PGs it holds where {@link LoweredWeightPreview} finds that exact; otherwise every PG is
     * mapped by the tools. Out (0) is osdmaptool's own {@code --mark-out}; another weight has no osdmaptool option, so
     * each pool's PGs are mapped by crushtool with the map's override weights (that one changed), then the map's upmaps
     * applied and down OSDs left out, as the OSD map does it: Ceph's CRUSH, and only the few rules around it here.
     */
    public JsonNode osdWeight(PreviewOsdWeight preview) {
        if (crush.isPresent()) {
            long started = System.nanoTime();
            LoweredWeightPreview.Inputs read = cluster.read(reader -> new LoweredWeightPreview.Inputs(reader.osdDump(), reader.crushDump(),
                    reader.pgsListedOn(preview.osd()), reader.pgStat()));
            try {
                return LoweredWeightPreview.preview(crush.get(), read, preview.osd(), preview.weight(), mapper)
                        .put("osd_map_epoch", read.osdDump().path("epoch").asLong())
                        .put("computed_ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (CrushMapper.Unsupported why) {
                Log.infof("osd.%d's preview maps every PG with osdmaptool: %s", preview.osd(), why.getMessage());
            }
        }
        return previewed((snapshot, work, map) -> {
            Map<String, List<Integer>> before;
            Map<String, List<Integer>> after;
            if (preview.weight() == 0) {
                before = upSets(osdmaptool(map, "--test-map-pgs-dump-all"));
                // osdmaptool rewrites the file it reads for some options: it reads a copy of its own each time
                Path changed = Files.write(work.resolve("osdmap-out"), snapshot.osdMap());
                after = upSets(osdmaptool(changed, "--mark-out", String.valueOf(preview.osd()), "--test-map-pgs-dump-all"));
            } else {
                Path crush = exportCrush(map, work);
                Map<Integer, Double> weights = overrideWeights(snapshot.osdDump());
                before = mapByCrushtool(crush, snapshot.osdDump(), weights);
                weights.put(preview.osd(), preview.weight());
                after = mapByCrushtool(crush, snapshot.osdDump(), weights);
            }
            return compare(before, after, snapshot.contents(), mapper);
        });
    }

    /**
     * What changing the pool's size, pg_num, pgp_num or CRUSH rule would move, from the OSD map now: its PGs mapped by
     * crushtool as the pool is and as it would be, then placed as the OSD map places them (upmaps, down OSDs). A larger
     * size only adds OSDs to each up set, a smaller one only drops them: Ceph's mapping for K replicas begins with the
     * one for fewer. A larger pg_num splits each PG where it is, its new PGs holding an even share of its objects, and
     * they move as pgp_num follows: the PGs are compared as they are split and as they end.
     */
    public JsonNode poolChange(PreviewPoolChange preview) {
        return previewed((snapshot, work, map) -> {
            Path crush = exportCrush(map, work);
            Map<Integer, Double> weights = overrideWeights(snapshot.osdDump());
            JsonNode pool = onlyPool(snapshot.osdDump(), preview.pool());
            int pgNum = pool.path("pools").path(0).path("pg_num").asInt();
            JsonNode split = preview.pgNum() == null ? pool : changedPool(pool, new PreviewPoolChange(preview.fsid(), preview.pool(), null,
                    preview.pgNum(), pool.path("pools").path(0).path("pg_placement_num").asInt(), null));
            Map<String, List<Integer>> before = mapByCrushtool(crush, split, weights);
            Map<String, List<Integer>> after = mapByCrushtool(crush, changedPool(pool, preview), weights);
            Map<String, long[]> contents = preview.pgNum() == null ? snapshot.contents()
                    : splitContents(snapshot.contents(), preview.pool(), pgNum, preview.pgNum());
            return compare(before, after, contents, mapper);
        });
    }

    /**
     * What a change to the CRUSH map would move, from the OSD map now: every pool's PGs mapped by crushtool with the
     * CRUSH map as it is and as crushtool itself changes it (or as a whole new map compiles), then placed as the OSD
     * map places them.
     */
    public JsonNode crushChange(PreviewCrushChange preview) {
        return previewed((snapshot, work, map) -> {
            Path crush = exportCrush(map, work);
            Path changed = work.resolve("crush-changed");
            if (preview.crushMapText() != null) {
                Files.write(changed, new CrushTool(crushtool).compile(preview.crushMapText()));
            } else {
                Files.copy(crush, changed);
                for (CrushChange change : preview.changes()) {
                    List<String> options = crushtoolOptions(change);
                    if (!options.isEmpty()) {
                        List<String> command = new ArrayList<>(List.of(crushtool, "-i", changed.toString()));
                        command.addAll(options);
                        command.addAll(List.of("-o", changed.toString()));
                        HostProcess.run(command, TOOL_TIMEOUT).outputOrFail();
                    }
                }
            }
            Map<Integer, Double> weights = overrideWeights(snapshot.osdDump());
            return compare(mapByCrushtool(crush, snapshot.osdDump(), weights), mapByCrushtool(changed, snapshot.osdDump(), weights),
                    snapshot.contents(), mapper);
        });
    }

    /** One preview's work on a copy of the OSD map, in a directory of its own. */
    @FunctionalInterface
    private interface PreviewWork {
        ObjectNode compare(Snapshot snapshot, Path work, Path osdMap) throws IOException;
    }

    /**
     * A preview on the OSD map now, read under the probe's lock; the tools run outside it, as they take seconds on a
     * large map. With the map's epoch and the time it took.
     */
    private JsonNode previewed(PreviewWork preview) {
        Snapshot snapshot = cluster.read(reader -> new Snapshot(reader.osdMapBinary(), reader.osdDump(), reader.pgContents()));
        long started = System.nanoTime();
        Path work = null;
        try {
            work = Files.createTempDirectory("loligo-preview");
            return preview.compare(snapshot, work, Files.write(work.resolve("osdmap"), snapshot.osdMap()))
                    .put("osd_map_epoch", snapshot.osdDump().path("epoch").asLong())
                    .put("computed_ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the maps for osdmaptool and crushtool: " + e.getMessage(), e);
        } finally {
            CrushTool.deleteQuietly(work);
        }
    }

    private Path exportCrush(Path osdMap, Path work) {
        Path crush = work.resolve("crush");
        osdmaptool(osdMap, "--export-crush", crush.toString());
        return crush;
    }

    /**
     * crushtool's options for one change, as {@code ceph osd crush} would make it; none for those that move nothing
     * (rules made, renamed or removed: no pool uses a new or removable rule; a bucket renamed). Pure.
     */
    static List<String> crushtoolOptions(CrushChange change) {
        return switch (change.kind()) {
            case ADD_BUCKET -> List.of("--add-bucket", change.name(), change.target());
            case MOVE_BUCKET -> withLocation(List.of("--move", change.name()), change.target());
            case REMOVE_BUCKET -> List.of("--remove-item", change.name());
            case SET_OSD -> withLocation(List.of("--update-item", change.name().substring("osd.".length()), String.valueOf(change.weight()),
                    change.name()), change.target());
            case REWEIGHT_OSD -> List.of("--reweight-item", change.name(), String.valueOf(change.weight()));
            case UNLINK -> throw new IllegalArgumentException("crushtool cannot unlink an item from one of its buckets");
            case CREATE_REPLICATED_RULE, RENAME_RULE, REMOVE_RULE, RENAME_BUCKET -> List.of();
        };
    }

    /** {@code root=default host=a} as crushtool's {@code --loc root default --loc host a}. */
    private static List<String> withLocation(List<String> options, String location) {
        List<String> all = new ArrayList<>(options);
        for (String pair : location.trim().split("\\s+")) {
            String[] typeAndName = pair.split("=", 2);
            all.addAll(List.of("--loc", typeAndName[0], typeAndName[1]));
        }
        return all;
    }

    /**
     * The OSD dump with the pool as the preview would leave it: a new pg_num brings pgp_num with it unless the preview
     * names one, as the mgr raises pgp_num after pg_num. Pure.
     */
    static JsonNode changedPool(JsonNode osdDump, PreviewPoolChange preview) {
        ObjectNode changed = osdDump.deepCopy();
        for (JsonNode pool : changed.path("pools")) {
            if (pool.path("pool").asInt() == preview.pool()) {
                ObjectNode edited = (ObjectNode) pool;
                if (preview.size() != null) {
                    edited.put("size", preview.size());
                }
                if (preview.pgNum() != null) {
                    edited.put("pg_num", preview.pgNum());
                }
                Integer pgpNum = preview.pgpNum() != null ? preview.pgpNum() : preview.pgNum();
                if (pgpNum != null) {
                    edited.put("pg_placement_num", pgpNum);
                }
                if (preview.crushRule() != null) {
                    edited.put("crush_rule", preview.crushRule());
                }
            }
        }
        return changed;
    }

    /**
     * Each PG's objects and bytes once the pool's PGs split from {@code pgNum} to {@code newPgNum}: a PG and the new PGs
     * split from it (those its seed folds onto) share what it holds evenly. Pure.
     */
    static Map<String, long[]> splitContents(Map<String, long[]> contents, int pool, int pgNum, int newPgNum) {
        Map<Integer, Integer> sharers = new HashMap<>();
        for (int seed = 0; seed < newPgNum; seed++) {
            sharers.merge(stableMod(seed, pgNum), 1, Integer::sum);
        }
        Map<String, long[]> split = new HashMap<>(contents);
        for (int seed = 0; seed < newPgNum; seed++) {
            int parent = stableMod(seed, pgNum);
            long[] held = contents.getOrDefault(pool + "." + Integer.toHexString(parent), new long[2]);
            int share = sharers.get(parent);
            split.put(pool + "." + Integer.toHexString(seed), new long[] {held[0] / share, held[1] / share});
        }
        return split;
    }

    /** The OSD dump with that pool alone: the others are the same before and after, and need no mapping. Pure. */
    static JsonNode onlyPool(JsonNode osdDump, int pool) {
        ObjectNode only = osdDump.deepCopy();
        ArrayNode pools = only.putArray("pools");
        osdDump.path("pools").forEach(candidate -> {
            if (candidate.path("pool").asInt() == pool) {
                pools.add(candidate.deepCopy());
            }
        });
        return only;
    }

    private String osdmaptool(Path map, String... options) {
        List<String> command = new ArrayList<>(List.of(osdmaptool, map.toString()));
        command.addAll(List.of(options));
        return HostProcess.run(command, TOOL_TIMEOUT).outputOrFail();
    }

    /** Each pool's PGs mapped by crushtool with these override weights, then placed as the OSD map places them. */
    private Map<String, List<Integer>> mapByCrushtool(Path crush, JsonNode osdDump, Map<Integer, Double> weights) {
        Map<Integer, Map<Integer, List<Integer>>> rawByPool = new HashMap<>();
        for (JsonNode pool : osdDump.path("pools")) {
            List<String> command = new ArrayList<>(List.of(crushtool, "-i", crush.toString(), "--test", "--show-mappings",
                    "--rule", pool.path("crush_rule").asText(), "--num-rep", pool.path("size").asText(),
                    "--pool-id", pool.path("pool").asText(), "--min-x", "0", "--max-x", String.valueOf(pool.path("pg_placement_num").asInt() - 1)));
            weights.forEach((osd, weight) -> {
                if (weight != 1) {
                    command.addAll(List.of("--weight", String.valueOf(osd), String.valueOf(weight)));
                }
            });
            rawByPool.put(pool.path("pool").asInt(), crushMappings(HostProcess.run(command, TOOL_TIMEOUT).outputOrFail()));
        }
        return place(osdDump, rawByPool, weights);
    }

    /** Each OSD's override weight in the map ({@code osd reweight}; 0 when out). Pure. */
    static Map<Integer, Double> overrideWeights(JsonNode osdDump) {
        Map<Integer, Double> weights = new HashMap<>();
        osdDump.path("osds").forEach(osd -> weights.put(osd.path("osd").asInt(), osd.path("weight").asDouble()));
        return weights;
    }

    /** crushtool's {@code --show-mappings}: {@code CRUSH rule 0 x 3 [2,1,0]}, by x. Pure. */
    static Map<Integer, List<Integer>> crushMappings(String output) {
        Map<Integer, List<Integer>> mappings = new HashMap<>();
        output.lines().forEach(line -> {
            Matcher mapping = CRUSH_LINE.matcher(line);
            if (mapping.find()) {
                mappings.put(Integer.parseInt(mapping.group(1)), osds(mapping.group(2)));
            }
        });
        return mappings;
    }

    /** Each PG's up set from its pool's raw CRUSH mappings, by its seed folded onto pgp_num (Ceph's stable mod). Pure. */
    static Map<String, List<Integer>> place(JsonNode osdDump, Map<Integer, Map<Integer, List<Integer>>> rawByPool,
                                            Map<Integer, Double> weights) {
        Placement placement = Placement.of(osdDump);
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        for (JsonNode pool : osdDump.path("pools")) {
            int id = pool.path("pool").asInt();
            int pgpNum = pool.path("pg_placement_num").asInt();
            Map<Integer, List<Integer>> raw = rawByPool.getOrDefault(id, Map.of());
            for (int seed = 0; seed < pool.path("pg_num").asInt(); seed++) {
                String pgid = id + "." + Integer.toHexString(seed);
                sets.put(pgid, placement.up(pgid, raw.getOrDefault(stableMod(seed, pgpNum), List.of()), weights));
            }
        }
        return sets;
    }

    /** What the OSD map does to a PG's raw CRUSH mapping to make its up set: its upmaps, and its down OSDs. */
    record Placement(Map<String, List<Integer>> upmaps, Map<String, JsonNode> items, Set<Integer> down) {
        static Placement of(JsonNode osdDump) {
            Map<String, List<Integer>> upmaps = new HashMap<>();
            osdDump.path("pg_upmap").forEach(upmap -> {
                List<Integer> osds = new ArrayList<>();
                upmap.path("osds").forEach(osd -> osds.add(osd.asInt()));
                upmaps.put(upmap.path("pgid").asText(), osds);
            });
            Map<String, JsonNode> items = new HashMap<>();
            osdDump.path("pg_upmap_items").forEach(item -> items.put(item.path("pgid").asText(), item.path("mappings")));
            Set<Integer> down = new HashSet<>();
            osdDump.path("osds").forEach(osd -> {
                if (osd.path("up").asInt() == 0) {
                    down.add(osd.path("osd").asInt());
                }
            });
            return new Placement(upmaps, items, down);
        }

        /**
         * The up set, as the OSD map makes it: {@code pg_upmap} replacing the set unless it names an OSD that weighs
         * nothing, {@code pg_upmap_items} replacing one OSD by another unless that one is in the set already or weighs
         * nothing, and down OSDs left out. Pure.
         */
        List<Integer> up(String pgid, List<Integer> raw, Map<Integer, Double> weights) {
            List<Integer> upmap = upmaps.get(pgid);
            boolean upmapHolds = upmap != null && upmap.stream().noneMatch(osd -> osd != NO_OSD && weights.getOrDefault(osd, 0.0) == 0);
            List<Integer> up = new ArrayList<>(upmapHolds ? upmap : raw);
            for (JsonNode mapping : items.getOrDefault(pgid, MissingNode.getInstance())) {
                int from = mapping.path("from").asInt();
                int to = mapping.path("to").asInt();
                int at = up.indexOf(from);
                if (at >= 0 && !up.contains(to) && weights.getOrDefault(to, 0.0) != 0) {
                    up.set(at, to);
                }
            }
            up.removeIf(down::contains);
            return up;
        }
    }

    /** Ceph's {@code ceph_stable_mod}: a PG's seed folded onto pgp_num without remapping the others as it grows. */
    static int stableMod(int seed, int pgpNum) {
        int mask = Integer.highestOneBit(Math.max(1, pgpNum - 1)) * 2 - 1;
        return (seed & mask) < pgpNum ? seed & mask : seed & (mask >> 1);
    }

    /** Each PG's up set, in order, from osdmaptool's dump; empty slots left out. Pure. */
    static Map<String, List<Integer>> upSets(String dump) {
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        dump.lines().forEach(line -> {
            Matcher pg = PG_LINE.matcher(line);
            if (pg.find()) {
                sets.put(pg.group(1), osds(pg.group(2)));
            }
        });
        return sets;
    }

    /** The OSDs of a printed set, {@code 3,0,4}; empty slots left out. */
    private static List<Integer> osds(String printed) {
        List<Integer> osds = new ArrayList<>();
        for (String osd : printed.split(",")) {
            if (!osd.isBlank() && Integer.parseInt(osd.strip()) != NO_OSD) {
                osds.add(Integer.parseInt(osd.strip()));
            }
        }
        return osds;
    }

    /**
     * {@code {pgs, pgs_changed, pgs_moving, objects, bytes, osds: [{osd, gains, loses}], moving: [pgid], moving_truncated}}:
     * a PG changed when its up set's order or primary does, moving when its members do; objects and bytes count a PG's
     * content once for each OSD that newly holds it. Pure.
     */
    static ObjectNode compare(Map<String, List<Integer>> before, Map<String, List<Integer>> after, Map<String, long[]> contents,
                              ObjectMapper mapper) {
        int changed = 0;
        long objects = 0;
        long bytes = 0;
        Map<Integer, int[]> shifts = new TreeMap<>();
        List<String> moving = new ArrayList<>();
        int movingCount = 0;
        for (Map.Entry<String, List<Integer>> pg : before.entrySet()) {
            List<Integer> was = pg.getValue();
            List<Integer> will = after.getOrDefault(pg.getKey(), List.of());
            if (was.equals(will)) {
                continue;
            }
            changed++;
            Set<Integer> gaining = new HashSet<>(will);
            gaining.removeAll(was);
            Set<Integer> losing = new HashSet<>(was);
            losing.removeAll(will);
            if (gaining.isEmpty() && losing.isEmpty()) {
                continue;
            }
            movingCount++;
            if (moving.size() < MOST_NAMED) {
                moving.add(pg.getKey());
            }
            long[] content = contents.getOrDefault(pg.getKey(), new long[2]);
            objects += content[0] * gaining.size();
            bytes += content[1] * gaining.size();
            gaining.forEach(osd -> shifts.computeIfAbsent(osd, ignored -> new int[2])[0]++);
            losing.forEach(osd -> shifts.computeIfAbsent(osd, ignored -> new int[2])[1]++);
        }
        ObjectNode preview = mapper.createObjectNode().put("pgs", before.size()).put("pgs_changed", changed)
                .put("pgs_moving", movingCount).put("objects", objects).put("bytes", bytes);
        ArrayNode osds = preview.putArray("osds");
        shifts.forEach((osd, shift) -> osds.addObject().put("osd", osd).put("gains", shift[0]).put("loses", shift[1]));
        moving.forEach(preview.putArray("moving")::add);
        return preview.put("moving_truncated", movingCount > moving.size());
    }
}
