package io.loligo.cluster.crush;

import io.loligo.cluster.CephFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Each recorded {@code osd crush dump} against what {@code crushtool -d} wrote for the same map, byte for byte. */
class CrushMapTextTest {
    @Test
    void theMapReadsAsCrushtoolWritesIt() {
        assertThat(CrushMapText.of(CrushMap.read(CephFixtures.json("crush-dump.json"))))
                .isEqualTo(CephFixtures.text("crush-map.txt"));
    }

    @Test
    void weightSetsReadAsCrushtoolWritesThem() {
        assertThat(CrushMapText.of(CrushMap.read(CephFixtures.json("crush-dump-weight-set.json"))))
                .isEqualTo(CephFixtures.text("crush-map-weight-set.txt"));
    }

    @Test
    void classRulesErasureRulesEmptyBucketsAndSeveralClassesReadAsCrushtoolWritesThem() {
        assertThat(CrushMapText.of(CrushMap.read(CephFixtures.json("crush-dump-rules-and-classes.json"))))
                .isEqualTo(CephFixtures.text("crush-map-rules-and-classes.txt"));
    }
}
