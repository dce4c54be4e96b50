package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
