package io.loligo.agent.metrics;

import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSeriesDutyTest {
    private static final String FSID = "1caf920d-2ecd-4644-b155-ffc2ffff92e8";
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void theLowestNodeIdThatReachesTheClusterWritesAndTheNextTakesOverWhenItFallsSilent() {
        ClusterSeriesDuty duty = new ClusterSeriesDuty();
        duty.heard(heartbeat("a-node", FSID), NOW);
        duty.heard(heartbeat("b-node", FSID), NOW);
        duty.heard(heartbeat("0-node-of-another-cluster", "another"), NOW);

        assertThat(duty.isMine("a-node", FSID, NOW)).isTrue();
        assertThat(duty.isMine("b-node", FSID, NOW)).isFalse();
        // three periods of 5 s without a-node
        duty.heard(heartbeat("b-node", FSID), NOW.plusSeconds(15));
        assertThat(duty.isMine("b-node", FSID, NOW.plusSeconds(14))).isFalse();
        assertThat(duty.isMine("b-node", FSID, NOW.plusSeconds(15))).isTrue();
    }

    @Test
    void anAgentThatHearsNoOneWrites() {
        assertThat(new ClusterSeriesDuty().isMine("a-node", FSID, NOW)).isTrue();
    }

    @Test
    void anAgentNotYetAcceptedLeavesTheSeriesToTheAcceptedOnesUntilItHearsItself() {
        ClusterSeriesDuty duty = new ClusterSeriesDuty();
        duty.heard(heartbeat("b-node", FSID), NOW);
        assertThat(duty.isAccepted("a-node")).isFalse();
        assertThat(duty.isMine("a-node", FSID, NOW)).isFalse();

        duty.heard(heartbeat("a-node", FSID), NOW.plusSeconds(1));
        assertThat(duty.isAccepted("a-node")).isTrue();
        assertThat(duty.isMine("a-node", FSID, NOW.plusSeconds(1))).isTrue();
        assertThat(duty.isMine("b-node", FSID, NOW.plusSeconds(1))).isFalse();
        // cluster-service away: everyone falls silent, and every agent writes
        assertThat(duty.isMine("b-node", FSID, NOW.plusSeconds(20))).isTrue();
        assertThat(duty.isAccepted("a-node")).as("once heard, for as long as the agent runs").isTrue();
    }

    private static NodeHeartbeat heartbeat(String nodeId, String fsid) {
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, nodeId, nodeId, nodeId, NOW, 5, NOW, "Debian", null, List.of(),
                List.of(new ClusterReport(fsid, "ceph", Map.of())), List.of(), null);
    }
}
