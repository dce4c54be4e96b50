package io.loligo.cluster.server;

import io.loligo.cluster.cluster.MapVersions;
import io.loligo.contracts.heartbeat.ClusterMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LivenessTest {
    @Test
    void aServerIsLateAfterThreeMissedPeriods() {
        Instant contact = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(Liveness.lateAfter(contact, 5)).isEqualTo(Instant.parse("2026-11-26T00:00:15Z"));
    }

    @Test
    void epochsNeverGoBackAndDigestsFollowTheLatestReport() {
        Map<String, Long> merged = MapVersions.merge(Map.of("OSD_MAP", 30L, "MON_MAP", 2L, "HEALTH", 900L),
                Map.of(ClusterMap.OSD_MAP, 29L, ClusterMap.MON_MAP, 3L, ClusterMap.FS_MAP, 1L, ClusterMap.HEALTH, 400L));
        assertThat(merged).containsEntry("OSD_MAP", 30L).containsEntry("MON_MAP", 3L).containsEntry("FS_MAP", 1L)
                .containsEntry("HEALTH", 400L);
    }
}
