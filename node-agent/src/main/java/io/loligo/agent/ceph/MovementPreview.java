package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import io.loligo.contracts.command.PreviewOsdOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a change would move, computed with Ceph's own {@code osdmaptool} on a copy of the OSD map: every PG mapped as
 * the map is and as it would be, their up sets compared, and what the PGs that change hold ({@code pg dump}) counted
 * once for each OSD that would have to receive a copy. CRUSH is Ceph's here, never reimplemented.
 */
@ApplicationScoped
public class MovementPreview {
    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    /** The PGs a preview names one by one, at most: the counts stay exact beyond. */
    static final int MOST_NAMED = 10_000;
    /** One PG in osdmaptool's dump: {@code 3.0 raw ([3,0,4], p3) up ([3,0,4], p3) acting ([3,0,4], p3)}. */
    private static final Pattern PG_LINE = Pattern.compile("^(\\d+\\.[0-9a-f]+) raw \\(\\[[^]]*], p-?\\d+\\) up \\(\\[([^]]*)]");
    /** How osdmaptool prints a slot CRUSH could fill with no OSD. */
    private static final int NO_OSD = Integer.MAX_VALUE;

    private final String osdmaptool;
    private final ObjectMapper mapper;

    @Inject
    ClusterProbe cluster;

    @Inject
    public MovementPreview(AgentConfig config, ObjectMapper mapper) {
        this.osdmaptool = config.osdmaptool();
        this.mapper = mapper;
    }

    private record Snapshot(byte[] osdMap, long epoch, Map<String, long[]> contents) {
    }

    /** What {@code osd out} of one OSD would move, from the OSD map now. */
    public JsonNode osdOut(PreviewOsdOut preview) {
        // read under the probe's lock; the tools run outside it, as they take seconds on a large map
        Snapshot snapshot = cluster.read(reader -> new Snapshot(reader.osdMapBinary(), reader.osdMapEpoch(), reader.pgContents()));
        long started = System.nanoTime();
        Path work = null;
        try {
            work = Files.createTempDirectory("loligo-preview");
            // osdmaptool rewrites the file it reads for some options: it reads a copy of its own each time
            Path map = Files.write(work.resolve("osdmap"), snapshot.osdMap());
            Map<String, List<Integer>> before = upSets(HostProcess.run(List.of(osdmaptool, map.toString(), "--test-map-pgs-dump-all"),
                    TOOL_TIMEOUT).outputOrFail());
            Path changed = Files.write(work.resolve("osdmap-out"), snapshot.osdMap());
            Map<String, List<Integer>> after = upSets(HostProcess.run(List.of(osdmaptool, changed.toString(), "--mark-out",
                    String.valueOf(preview.osd()), "--test-map-pgs-dump-all"), TOOL_TIMEOUT).outputOrFail());
            return compare(before, after, snapshot.contents(), mapper).put("osd_map_epoch", snapshot.epoch())
                    .put("computed_ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the OSD map for osdmaptool: " + e.getMessage(), e);
        } finally {
            CrushTool.deleteQuietly(work);
        }
    }

    /** Each PG's up set, in order, from osdmaptool's dump; empty slots left out. Pure. */
    static Map<String, List<Integer>> upSets(String dump) {
        Map<String, List<Integer>> sets = new LinkedHashMap<>();
        dump.lines().forEach(line -> {
            Matcher pg = PG_LINE.matcher(line);
            if (pg.find()) {
                List<Integer> up = new ArrayList<>();
                for (String osd : pg.group(2).split(",")) {
                    if (!osd.isBlank() && Integer.parseInt(osd.strip()) != NO_OSD) {
                        up.add(Integer.parseInt(osd.strip()));
                    }
                }
                sets.put(pg.group(1), up);
            }
        });
        return sets;
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
