package io.loligo.cluster.known;

import io.loligo.contracts.heartbeat.ClusterMap;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MapVersionsTest {
    @Test
    void epochsNeverGoBackAndDigestsFollowTheLatestReport() {
        Map<String, Long> merged = MapVersions.merge(Map.of("OSD_MAP", 30L, "MON_MAP", 2L, "HEALTH", 900L),
                Map.of(ClusterMap.OSD_MAP, 29L, ClusterMap.MON_MAP, 3L, ClusterMap.FS_MAP, 1L, ClusterMap.HEALTH, 400L));
        assertThat(merged).containsEntry("OSD_MAP", 30L).containsEntry("MON_MAP", 3L).containsEntry("FS_MAP", 1L)
                .containsEntry("HEALTH", 400L);
    }
}
