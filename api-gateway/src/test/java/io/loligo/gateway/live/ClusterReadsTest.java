package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterReadsTest {
    private static final String FSID = "a7f64266-0894-4f1e-a635-d0aeaca0e993";
    private final ClusterReads reads = new ClusterReads();
    private final AtomicInteger upstreamCalls = new AtomicInteger();

    private String read(String fsid, String what) {
        return reads.read(fsid, what, () -> what + "#" + upstreamCalls.incrementAndGet());
    }

    private static LiveUpdate update(String type, String fsid) {
        return new LiveUpdate(type, fsid, null);
    }

    @Test
    void nothingIsKeptBeforeTheStreamIsHeard() {
        assertThat(read(FSID, "health")).isEqualTo("health#1");
        assertThat(read(FSID, "health")).isEqualTo("health#2");
    }

    @Test
    void aReadIsKeptUntilItsClusterChanges() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(FSID, "health")).isEqualTo("health#1");
        assertThat(read(FSID, "health")).isEqualTo("health#1");
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");

        reads.onUpdate(update(LiveUpdate.SYNC, "another-cluster"));
        assertThat(read(FSID, "health")).isEqualTo("health#1");

        reads.onUpdate(update(LiveUpdate.SYNC, FSID));
        assertThat(read(FSID, "health")).isEqualTo("health#3");
        assertThat(read(FSID, "osds")).isEqualTo("osds#4");
        assertThat(read(FSID, "osds")).isEqualTo("osds#4");

        // a server's event outside any cluster: it may touch any of them
        reads.onUpdate(update(LiveUpdate.EVENT, null));
        assertThat(read(FSID, "osds")).isEqualTo("osds#5");
    }

    /** Anyone may name a cluster in a URL: only those whose read succeeded take memory. */
    @Test
    void clustersThatDoNotExistAreNotRemembered() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        for (int i = 0; i < 1000; i++) {
            String made = "made-up-" + i;
            assertThatThrownBy(() -> reads.read(made, "health", () -> {
                throw new IllegalStateException("404: no cluster " + made);
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(reads.clustersRemembered()).isZero();
        read(FSID, "health");
        assertThat(reads.clustersRemembered()).isEqualTo(1);
    }

    @Test
    void aReadThatCrossedAChangeIsNotKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        read(FSID, "warm-up");
        Supplier<String> changedMeanwhile = () -> {
            reads.onUpdate(update(LiveUpdate.SYNC, FSID));
            return "as it was #" + upstreamCalls.incrementAndGet();
        };
        assertThat(reads.read(FSID, "osds", changedMeanwhile)).isEqualTo("as it was #2");
        assertThat(read(FSID, "osds")).isEqualTo("osds#3");
    }

    @Test
    void anInterruptedStreamForgetsAllAndKeepsNothingUntilItIsHeardAgain() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        read(FSID, "health");
        reads.onInterrupted(new LiveFeed.Interrupted());
        assertThat(read(FSID, "health")).isEqualTo("health#2");
        assertThat(read(FSID, "health")).isEqualTo("health#3");
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(FSID, "health")).isEqualTo("health#4");
        assertThat(read(FSID, "health")).isEqualTo("health#4");
    }

    @Test
    void aFailedReadPassesThroughAndIsNotKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        AtomicInteger attempts = new AtomicInteger();
        Supplier<String> failing = () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("cluster-service is away");
        };
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> reads.read(FSID, "health", failing)).hasMessage("cluster-service is away");
        }
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aClusterKeepsABoundedNumberOfDistinctReads() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        for (int i = 0; i < ClusterReads.MOST_KEPT_PER_CLUSTER + 10; i++) {
            read(FSID, "osds?search=" + i);
        }
        int calls = upstreamCalls.get();
        read(FSID, "osds?search=0");
        assertThat(upstreamCalls).as("the first reads are kept").hasValue(calls);
        read(FSID, "osds?search=" + (ClusterReads.MOST_KEPT_PER_CLUSTER + 5));
        assertThat(upstreamCalls).as("reads beyond the bound are not").hasValue(calls + 1);
    }
}
