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
        fetches.finish("c1", ClusterMap.OSD_MAP, "no such fetch");
        assertThat(fetches.begin("c1", ClusterMap.OSD_MAP, "b", T0.plusSeconds(11))).isTrue();
    }

    @Test
    void aMapIsTakenOnlyAsTheAnswerToAFetchSentToThatAgent() {
        FetchTracker fetches = new FetchTracker(Duration.ofSeconds(10));
        fetches.sent("f1", "c1", ClusterMap.OSD_MAP, "a", 20, T0);

        assertThat(fetches.refusal("made-up", "a", "c1", ClusterMap.OSD_MAP, 20)).hasValueSatisfying(why ->
                assertThat(why).contains("answers no fetch"));
        assertThat(fetches.refusal("f1", "b", "c1", ClusterMap.OSD_MAP, 20)).as("from another agent").isPresent();
        assertThat(fetches.refusal("f1", "a", "c2", ClusterMap.OSD_MAP, 20)).as("for another cluster").isPresent();
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.MON_MAP, 20)).as("another map").isPresent();
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.OSD_MAP, 20 + FetchTracker.EPOCH_SLACK + 1)).as("an epoch far past")
                .hasValueSatisfying(why -> assertThat(why).contains("far past"));
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.OSD_MAP, 25)).as("moved on a little meanwhile").isEmpty();

        fetches.finish("c1", ClusterMap.OSD_MAP, "f1");
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.OSD_MAP, 25)).as("answered twice").isPresent();
    }

    @Test
    void aSlowAnswerStillCountsAWhileAfterItsFetchWasAskedAgain() {
        FetchTracker fetches = new FetchTracker(Duration.ofSeconds(10));
        fetches.sent("f1", "c1", ClusterMap.OSD_MAP, "a", 20, T0);
        fetches.sent("f2", "c1", ClusterMap.OSD_MAP, "b", 20, T0.plusSeconds(10));
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.OSD_MAP, 20)).isEmpty();
        fetches.sent("f3", "c1", ClusterMap.OSD_MAP, "b", 20, T0.plusSeconds(61));
        assertThat(fetches.refusal("f1", "a", "c1", ClusterMap.OSD_MAP, 20)).as("long forgotten").isPresent();
    }
}
