package io.loligo.cluster.sync;

import io.loligo.contracts.heartbeat.ClusterMap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FavouredAgentsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void oneAgentIsFavouredUntilItFallsSilent() {
        FavouredAgents agents = new FavouredAgents();
        assertThat(agents.heard("c1", "a", T0, LIMIT)).isTrue();
        assertThat(agents.heard("c1", "b", T0.plusSeconds(1), LIMIT)).isFalse();
        assertThat(agents.heard("c1", "a", T0.plusSeconds(5), LIMIT)).isTrue();
        assertThat(agents.heard("c1", "b", T0.plusSeconds(19), LIMIT)).isFalse();
        // a silent for 15 s: b takes over
        assertThat(agents.heard("c1", "b", T0.plusSeconds(21), LIMIT)).isTrue();
        assertThat(agents.heard("c1", "a", T0.plusSeconds(22), LIMIT)).isFalse();
        assertThat(agents.heard("c2", "a", T0, LIMIT)).isTrue();
    }

    @Test
    void anAgentThatDoesNotAnswerLosesItsPlace() {
        FavouredAgents agents = new FavouredAgents();
        agents.heard("c1", "a", T0, LIMIT);
        agents.unresponsive("c1", "b");
        assertThat(agents.heard("c1", "b", T0.plusSeconds(1), LIMIT)).isFalse();
        agents.unresponsive("c1", "a");
        assertThat(agents.heard("c1", "b", T0.plusSeconds(2), LIMIT)).isTrue();
    }

    @Test
    void aMapIsFetchedOnceUntilItsAnswerIsOverdue() {
        FetchTracker fetches = new FetchTracker(Duration.ofSeconds(10));
        assertThat(fetches.begin("c1", ClusterMap.OSD_MAP, "a", T0)).isTrue();
        assertThat(fetches.begin("c1", ClusterMap.OSD_MAP, "a", T0.plusSeconds(5))).isFalse();
        assertThat(fetches.begin("c1", ClusterMap.HEALTH, "a", T0.plusSeconds(5))).isTrue();
        assertThat(fetches.overdue("c1", ClusterMap.OSD_MAP, T0.plusSeconds(9))).isEmpty();
        assertThat(fetches.overdue("c1", ClusterMap.OSD_MAP, T0.plusSeconds(10))).contains("a");
        assertThat(fetches.begin("c1", ClusterMap.OSD_MAP, "b", T0.plusSeconds(10))).isTrue();
        fetches.finish("c1", ClusterMap.OSD_MAP);
        assertThat(fetches.begin("c1", ClusterMap.OSD_MAP, "b", T0.plusSeconds(11))).isTrue();
    }
}
