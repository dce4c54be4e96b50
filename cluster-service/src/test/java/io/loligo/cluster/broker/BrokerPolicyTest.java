package io.loligo.cluster.broker;

import io.loligo.cluster.broker.BrokerPolicy.Standing;
import io.loligo.contracts.bus.BusRoutes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerPolicyTest {
    private final BrokerPolicy policy = new BrokerPolicy(new BusRoutes("loligo"));

    @Test
    void anAgentPublishesUnderItsOwnRoutingKeysOnlyAndSendsMetricsOnlyOnceAccepted() {
        String node = "ceph-1.example.com";
        assertThat(policy.mayRoute(node, Standing.PENDING, "amq.topic", "write", "loligo.heartbeat.ceph-1.example.com")).isTrue();
        assertThat(policy.mayRoute(node, Standing.PENDING, "amq.topic", "write", "loligo.reply.ceph-1.example.com")).isTrue();
        assertThat(policy.mayRoute(node, Standing.PENDING, "amq.topic", "write", "loligo.metrics.ceph-1.example.com")).isFalse();
        assertThat(policy.mayRoute(node, Standing.ACCEPTED, "amq.topic", "write", "loligo.reply.ceph-1.example.com")).isTrue();
        assertThat(policy.mayRoute(node, Standing.ACCEPTED, "amq.topic", "write", "loligo.metrics.ceph-1.example.com")).isTrue();

        for (String other : new String[]{"loligo.heartbeat.ceph-2", "loligo.reply.ceph-2", "loligo.metrics.ceph-1.example.com.evil",
                "loligo.heartbeat.ceph-1", "loligo-test.reply.ceph-1.example.com", "loligo.cmd.ceph-1.example.com"}) {
            assertThat(policy.mayRoute(node, Standing.ACCEPTED, "amq.topic", "write", other)).as(other).isFalse();
        }
        assertThat(policy.mayRoute(node, Standing.ACCEPTED, "amq.fanout", "write", "loligo.reply.ceph-1.example.com")).isFalse();
        assertThat(policy.mayRoute(node, Standing.ACCEPTED, "amq.topic", "configure", "loligo.reply.ceph-1.example.com")).isFalse();
    }

    @Test
    void anAgentHearsOnlyTheHeartbeatsThatClusterServicePassesOn() {
        assertThat(policy.mayRoute("a", Standing.PENDING, "amq.topic", "read", "loligo.peer.#")).isTrue();
        assertThat(policy.mayRoute("a", Standing.ACCEPTED, "amq.topic", "read", "loligo.heartbeat.#")).isFalse();
        assertThat(policy.mayRoute("a", Standing.ACCEPTED, "amq.topic", "write", "loligo.peer.a")).isFalse();
        assertThat(policy.mayRoute("a", Standing.ACCEPTED, "amq.topic", "read", "loligo.reply.#")).isFalse();
        assertThat(policy.mayRoute("a", Standing.ACCEPTED, "amq.topic", "read", "#")).isFalse();
        assertThat(policy.mayRoute("a", Standing.ACCEPTED, "amq.topic", "read", "loligo.metrics.b")).isFalse();
    }

    @Test
    void anAgentTakesItsOwnCommandQueueAndTheQueueBehindItsSubscription() {
        assertThat(policy.mayUse("a", "queue", "loligo.cmd.a", "configure")).isTrue();
        assertThat(policy.mayUse("a", "queue", "loligo.cmd.a", "read")).isTrue();
        // commands come from cluster-service only
        assertThat(policy.mayUse("a", "queue", "loligo.cmd.a", "write")).isFalse();
        assertThat(policy.mayUse("a", "queue", "loligo.cmd.b", "read")).isFalse();
        assertThat(policy.mayUse("a", "queue", "loligo.replies", "read")).isFalse();
        assertThat(policy.mayUse("a", "queue", "loligo.metrics", "configure")).isFalse();
        assertThat(policy.mayUse("a", "queue", "amq.gen-x1y2", "configure")).isTrue();

        assertThat(policy.mayUse("a", "exchange", "amq.topic", "write")).isTrue();
        assertThat(policy.mayUse("a", "exchange", "amq.topic", "configure")).isFalse();
        // the default exchange leads into every queue
        assertThat(policy.mayUse("a", "exchange", "amq.default", "write")).isFalse();
        assertThat(policy.mayUse("a", "exchange", "", "write")).isFalse();
        assertThat(policy.mayUse("a", "topic", "amq.topic", "write")).isFalse();

        assertThat(policy.mayEnter("/")).isTrue();
        assertThat(policy.mayEnter("other")).isFalse();
    }
}
