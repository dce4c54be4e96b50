package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An OSD's lower weight previewed with CRUSH in process on the PGs holding it, against osdmaptool mapping every PG of
 * the same map with the OSD out: a map of 60 OSDs on 10 hosts in 2 racks (straw2), one pool of 1,920 PGs of 3 copies,
 * and 20 upmap items osdmaptool's own balancer made. The PG map's listing of an OSD's PGs is osdmaptool's up sets.
 */
class LoweredWeightPreviewTest {
    private static final LibCephCrush CRUSH = LibCephCrush.load(AgentConfig.DEBIAN_CEPH_COMMON);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALL_CLEAN = "{\"pg_ready\": true, \"pg_summary\": {\"num_pg_by_state\": [{\"name\": \"active+clean\", \"num\": 1920}]}}";

    @TempDir
    static Path work;
    private static Path map;
    private static JsonNode osdDump;
    private static JsonNode crushDump;
    private static Map<String, List<Integer>> upSets;

    @BeforeAll
    static void aMapWithUpmaps() throws IOException {
        map = work.resolve("osdmap");
        Path crush = work.resolve("crush");
        tool("osdmaptool", map.toString(), "--createsimple", "60", "--with-default-pool", "--pg-bits", "5", "--pgp-bits", "5", "--clobber");
        tool("crushtool", "--outfn", crush.toString(), "--build", "--num_osds", "60", "host", "straw2", "6", "rack", "straw2", "5", "root",
                "straw2", "0");
        tool("osdmaptool", map.toString(), "--import-crush", crush.toString());
        tool("osdmaptool", map.toString(), "--mark-up-in", "--upmap", work.resolve("upmaps").toString(), "--upmap-max", "20",
                "--upmap-deviation", "1", "--save");
        // the synthetic map's OSDs exist down: --mark-up-in stands for a running cluster's
        String dump = tool("osdmaptool", map.toString(), "--mark-up-in", "--dump", "json");
        osdDump = MAPPER.readTree(dump.substring(dump.indexOf('{')));
        crushDump = MAPPER.readTree(tool("crushtool", "-i", crush.toString(), "--dump"));
        upSets = MovementPreview.upSets(tool("osdmaptool", map.toString(), "--mark-up-in", "--test-map-pgs-dump-all"));
        assertThat(osdDump.path("pg_upmap_items")).hasSize(20);
    }

    @Test
    void anOsdOutMovesWhatOsdmaptoolSaysAnUpmapTargetsToo() throws Exception {
        List<Integer> targets = new ArrayList<>();
        osdDump.path("pg_upmap_items").forEach(item -> item.path("mappings").forEach(mapping -> targets.add(mapping.path("to").asInt())));
        List<Integer> sources = new ArrayList<>();
        osdDump.path("pg_upmap_items").forEach(item -> item.path("mappings").forEach(mapping -> sources.add(mapping.path("from").asInt())));
        List<Integer> tried = new ArrayList<>(List.of(targets.get(0)));
        for (int osd = 0; tried.size() < 4; osd++) {
            if (!sources.contains(osd) && !tried.contains(osd)) {
                tried.add(osd);
            }
        }
        for (int osd : tried) {
            Map<String, long[]> contents = new HashMap<>();
            upSets.keySet().forEach(pg -> contents.put(pg, new long[] {pg.length(), 1000L * pg.length()}));
            JsonNode expected = MovementPreview.compare(upSets, MovementPreview.upSets(tool("osdmaptool", map.toString(), "--mark-up-in",
                    "--mark-out", String.valueOf(osd), "--test-map-pgs-dump-all")), contents, MAPPER);
            ObjectNode previewed = LoweredWeightPreview.preview(CRUSH, inputs(osd, osdDump, ALL_CLEAN), osd, 0, MAPPER);
            assertThat(previewed.path("pgs_moving").asInt()).as("osd.%d", osd).isPositive();
            assertThat(previewed).as("osd.%d out", osd).isEqualTo(expected);
        }
    }

    @Test
    void whereItWouldNotBeExactItSaysWhyAndLeavesItToOsdmaptool() throws IOException {
        int from = osdDump.path("pg_upmap_items").path(0).path("mappings").path(0).path("from").asInt();
        assertThatThrownBy(() -> LoweredWeightPreview.preview(CRUSH, inputs(from, osdDump, ALL_CLEAN), from, 0, MAPPER))
                .isInstanceOf(CrushMapper.Unsupported.class).hasMessageContaining("an upmap moves PG " + osdDump.path("pg_upmap_items").path(0)
                        .path("pgid").asText());
        int osd = 2;
        assertThatThrownBy(() -> LoweredWeightPreview.preview(CRUSH, inputs(osd, osdDump, "{\"pg_ready\": true, \"pg_summary\": {\"num_pg_by_state\":"
                + " [{\"name\": \"active+remapped+backfilling\", \"num\": 3}]}}"), osd, 0, MAPPER))
                .isInstanceOf(CrushMapper.Unsupported.class).hasMessage("3 PGs are active+remapped+backfilling");
        assertThatThrownBy(() -> LoweredWeightPreview.preview(CRUSH, inputs(osd, osdDump, ALL_CLEAN), osd, 1.1, MAPPER))
                .isInstanceOf(CrushMapper.Unsupported.class).hasMessageContaining("higher weight");

        ObjectNode down = osdDump.deepCopy();
        ((ObjectNode) down.path("osds").path(osd)).put("up", 0);
        assertThatThrownBy(() -> LoweredWeightPreview.preview(CRUSH, inputs(osd, down, ALL_CLEAN), osd, 0, MAPPER))
                .isInstanceOf(CrushMapper.Unsupported.class).hasMessageContaining("osd.2 is down");

        LoweredWeightPreview.Inputs stale = inputs(osd, osdDump, ALL_CLEAN);
        ObjectNode first = (ObjectNode) stale.listed().path(0);
        ArrayNode up = first.putArray("up");
        up.add(osd).add(59).add(58);
        assertThatThrownBy(() -> LoweredWeightPreview.preview(CRUSH, stale, osd, 0, MAPPER))
                .isInstanceOf(CrushMapper.Unsupported.class).hasMessageContaining("PG " + first.path("pgid").asText() + " is on [2, 59, 58]");
    }

    private static LoweredWeightPreview.Inputs inputs(int osd, JsonNode osdDump, String pgStat) throws IOException {
        return new LoweredWeightPreview.Inputs(osdDump, crushDump, listing(upSets, osd, pgid -> pgid.length()), MAPPER.readTree(pgStat));
    }

    /**
     * What {@code pg ls-by-osd} would list for the OSD, from osdmaptool's up sets: every PG on it, active+clean, with
     * these objects and a thousand bytes each.
     */
    static ArrayNode listing(Map<String, List<Integer>> upSets, int osd, ToLongFunction<String> objects) {
        ArrayNode listed = MAPPER.createArrayNode();
        upSets.forEach((pgid, up) -> {
            if (up.contains(osd)) {
                ObjectNode pg = listed.addObject().put("pgid", pgid).put("state", "active+clean");
                up.forEach(pg.putArray("up")::add);
                pg.putObject("stat_sum").put("num_objects", objects.applyAsLong(pgid)).put("num_bytes", 1000L * objects.applyAsLong(pgid));
            }
        });
        return listed;
    }

    private static String tool(String... command) {
        return HostProcess.run(List.of(command), Duration.ofMinutes(1)).outputOrFail();
    }
}
