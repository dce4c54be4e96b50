package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.PreviewPoolChange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** On osdmaptool 16.2.15's dumps of the lab's map (113 PGs, osd.0 to osd.2, size 3), as it is and with osd.2 out. */
class MovementPreviewTest {
    private static String dump(String name) throws IOException {
        try (InputStream in = MovementPreviewTest.class.getResourceAsStream("/ceph/preview/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void upSetsAreReadInOrderWithoutThePoolLines() throws IOException {
        Map<String, List<Integer>> sets = MovementPreview.upSets(dump("osdmaptool-dump.txt"));
        assertThat(sets).hasSize(113).containsEntry("1.0", List.of(1, 0, 2));
        assertThat(MovementPreview.upSets("3.1 raw ([2147483647,1], p1) up ([2147483647,1], p1) acting ([1], p1)"))
                .containsEntry("3.1", List.of(1));
    }

    @Test
    void anOsdOutOfThreeWithSizeThreeLeavesEveryPgAndNoOneReceivesACopy() throws IOException {
        Map<String, List<Integer>> before = MovementPreview.upSets(dump("osdmaptool-dump.txt"));
        Map<String, List<Integer>> after = MovementPreview.upSets(dump("osdmaptool-dump-mark-out-2.txt"));
        Map<String, long[]> contents = new HashMap<>();
        before.keySet().forEach(pg -> contents.put(pg, new long[]{10, 4096}));
        JsonNode preview = MovementPreview.compare(before, after, contents, new ObjectMapper());
        assertThat(preview.path("pgs").asInt()).isEqualTo(113);
        assertThat(preview.path("pgs_moving").asInt()).isEqualTo(113);
        assertThat(preview.path("bytes").asLong()).isZero();
        assertThat(preview.path("osds").toString()).isEqualTo("[{\"osd\":2,\"gains\":0,\"loses\":113}]");
    }

    @Test
    void bytesCountOnceForEachOsdThatNewlyHoldsAPg() {
        Map<String, List<Integer>> before = Map.of("3.0", List.of(3, 0, 4), "3.1", List.of(1, 2, 5), "3.2", List.of(0, 1, 2));
        Map<String, List<Integer>> after = Map.of("3.0", List.of(0, 3, 4), "3.1", List.of(1, 6, 7), "3.2", List.of(0, 1, 2));
        Map<String, long[]> contents = Map.of("3.0", new long[]{5, 500}, "3.1", new long[]{7, 700}, "3.2", new long[]{9, 900});
        JsonNode preview = MovementPreview.compare(before, after, contents, new ObjectMapper());
        // 3.0 only changes its primary; 3.1 copies to osd.6 and osd.7
        assertThat(preview.path("pgs_changed").asInt()).isEqualTo(2);
        assertThat(preview.path("pgs_moving").asInt()).isEqualTo(1);
        assertThat(preview.path("objects").asLong()).isEqualTo(14);
        assertThat(preview.path("bytes").asLong()).isEqualTo(1400);
        assertThat(preview.path("moving").toString()).isEqualTo("[\"3.1\"]");
    }

    /**
     * The crushtool route, on the lab's map with an upmap item (2.11: osd.0 to osd.2, which holds it already): the
     * raw mappings crushtool printed, placed as the OSD map places them, are osdmaptool's up sets, all 113.
     */
    @Test
    void theCrushtoolRouteGivesOsdmaptoolsUpSets() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode osdDump = mapper.readTree(dump("osd-dump.json"));
        JsonNode printed = mapper.readTree(dump("crushtool-mappings.json"));
        Map<Integer, Map<Integer, List<Integer>>> raw = new HashMap<>();
        printed.fields().forEachRemaining(pool -> raw.put(Integer.parseInt(pool.getKey()), MovementPreview.crushMappings(pool.getValue().asText())));
        Map<String, List<Integer>> placed = MovementPreview.place(osdDump, raw, MovementPreview.overrideWeights(osdDump));
        assertThat(placed).hasSize(113).isEqualTo(MovementPreview.upSets(dump("osdmaptool-dump-upmap.txt")));
    }

    @Test
    void upmapsReplaceAndDownOsdsLeaveAsTheOsdMapHasIt() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode osdDump = mapper.readTree("""
                {"pools": [{"pool": 3, "pg_num": 4, "pg_placement_num": 4}],
                 "osds": [{"osd": 0, "up": 1, "weight": 1}, {"osd": 1, "up": 0, "weight": 1}, {"osd": 2, "up": 1, "weight": 1},
                          {"osd": 3, "up": 1, "weight": 0}, {"osd": 4, "up": 1, "weight": 1}],
                 "pg_upmap": [{"pgid": "3.0", "osds": [4, 2]}],
                 "pg_upmap_items": [{"pgid": "3.2", "mappings": [{"from": 0, "to": 4}]}, {"pgid": "3.3", "mappings": [{"from": 0, "to": 3}]}]}
                """);
        Map<Integer, List<Integer>> raw = Map.of(0, List.of(0, 2), 1, List.of(1, 0), 2, List.of(0, 2), 3, List.of(0, 2));
        Map<String, List<Integer>> placed = MovementPreview.place(osdDump, Map.of(3, raw), MovementPreview.overrideWeights(osdDump));
        assertThat(placed).containsEntry("3.0", List.of(4, 2)).containsEntry("3.1", List.of(0))
                .containsEntry("3.2", List.of(4, 2)).containsEntry("3.3", List.of(0, 2));
    }

    @Test
    void aSeedFoldsOntoPgpNumAsCephsStableModDoes() {
        assertThat(MovementPreview.stableMod(5, 8)).isEqualTo(5);
        // pgp_num 12: mask 15, and seeds 12 to 15 fold onto 4 to 7
        assertThat(MovementPreview.stableMod(11, 12)).isEqualTo(11);
        assertThat(MovementPreview.stableMod(13, 12)).isEqualTo(5);
        assertThat(MovementPreview.stableMod(0, 1)).isZero();
    }

    @Test
    void aPoolChangeEditsThatPoolAloneAndANewPgNumBringsPgpNumAlong() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode osdDump = mapper.readTree(dump("osd-dump.json"));
        int pool = osdDump.path("pools").path(0).path("pool").asInt();
        JsonNode only = MovementPreview.onlyPool(osdDump, pool);
        assertThat(only.path("pools")).hasSize(1);
        assertThat(only.path("osds")).isEqualTo(osdDump.path("osds"));

        JsonNode changed = MovementPreview.changedPool(only, new PreviewPoolChange("f", pool, 2, 16, null, null));
        assertThat(changed.path("pools").path(0).path("size").asInt()).isEqualTo(2);
        assertThat(changed.path("pools").path(0).path("pg_num").asInt()).isEqualTo(16);
        assertThat(changed.path("pools").path(0).path("pg_placement_num").asInt()).isEqualTo(16);
        assertThat(changed.path("pools").path(0).path("crush_rule")).isEqualTo(only.path("pools").path(0).path("crush_rule"));
    }

    @Test
    void aSplitSharesEachPgsContentEvenlyWithTheNewPgsSplitFromIt() {
        // pg_num 2 to 6: seeds 2 and 4 fold onto 0, seeds 3 and 5 onto 1
        Map<String, long[]> split = MovementPreview.splitContents(Map.of("3.0", new long[] {30, 300}, "3.1", new long[] {9, 90}), 3, 2, 6);
        assertThat(split.get("3.0")).containsExactly(10, 100);
        assertThat(split.get("3.4")).containsExactly(10, 100);
        assertThat(split.get("3.2")).containsExactly(10, 100);
        assertThat(split.get("3.1")).containsExactly(3, 30);
        assertThat(split.get("3.5")).containsExactly(3, 30);
    }

    @Test
    void eachCrushChangeIsCrushtoolsOwnOptionOrNothingWhenItMovesNothing() {
        assertThat(MovementPreview.crushtoolOptions(CrushChange.reweightOsd("f", "osd.1", 0.5)))
                .containsExactly("--reweight-item", "osd.1", "0.5");
        assertThat(MovementPreview.crushtoolOptions(CrushChange.of("f", CrushChange.Kind.MOVE_BUCKET, "rack-a", "root=default")))
                .containsExactly("--move", "rack-a", "--loc", "root", "default");
        assertThat(MovementPreview.crushtoolOptions(CrushChange.setOsd("f", "osd.3", "host=node-2", 1.25)))
                .containsExactly("--update-item", "3", "1.25", "osd.3", "--loc", "host", "node-2");
        assertThat(MovementPreview.crushtoolOptions(CrushChange.of("f", CrushChange.Kind.ADD_BUCKET, "rack-b", "rack")))
                .containsExactly("--add-bucket", "rack-b", "rack");
        assertThat(MovementPreview.crushtoolOptions(CrushChange.of("f", CrushChange.Kind.REMOVE_BUCKET, "rack-b", null)))
                .containsExactly("--remove-item", "rack-b");
        assertThat(MovementPreview.crushtoolOptions(CrushChange.of("f", CrushChange.Kind.RENAME_BUCKET, "rack-a", "rack-c"))).isEmpty();
    }
}
