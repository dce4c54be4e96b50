package io.loligo.gateway.kept;

import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.kept.KeptAnswers;
import io.loligo.gateway.live.LiveFeed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KeptReadsTest {
    private static final String FSID = "a7f64266-0894-4f1e-a635-d0aeaca0e993";
    private final KeptReads reads = new KeptReads();
    private final AtomicInteger upstreamCalls = new AtomicInteger();

    /** As the filters use it: the kept answer, or a call upstream whose answer is kept with the ticket taken before. */
    private String read(String scope, String key) {
        return read(scope, key, () -> {
        });
    }

    private String read(String scope, String key, Runnable meanwhile) {
        KeptAnswers.Kept kept = reads.kept(scope, key);
        if (kept != null && !kept.bringAnew()) {
            return new String(kept.representation().body(), StandardCharsets.UTF_8);
        }
        KeptAnswers.Ticket ticket = reads.ticket(scope, key, KeptAnswers.LONGEST_KEPT);
        meanwhile.run();
        String answer = key + "#" + upstreamCalls.incrementAndGet();
        if (ticket != null) {
            reads.keep(ticket, representation(answer));
        }
        return answer;
    }

    private static KeptAnswers.Representation representation(String answer) {
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        return new KeptAnswers.Representation(body, "application/json", ConditionalReads.tagOf(body));
    }

    private static final String STREAM = "4d7a1f0e-stream";
    private long position;

    /** As cluster-service numbers them: a ping carries the count so far, every other update the next number. */
    private LiveUpdate update(String type, String fsid) {
        return new LiveUpdate(type, fsid, null, STREAM, LiveUpdate.PING.equals(type) ? position : ++position);
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

    /** The request list spans clusters: a request of any cluster moves it, and it moves no cluster's own reads. */
    @Test
    void aReadAcrossClustersIsKeptUntilAnyClusterChanges() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(KeptAnswers.ALL_CLUSTERS, "requests")).isEqualTo("requests#1");
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");
        assertThat(read(KeptAnswers.ALL_CLUSTERS, "requests")).isEqualTo("requests#1");

        reads.onUpdate(update(LiveUpdate.REQUEST, "another-cluster"));
        assertThat(read(KeptAnswers.ALL_CLUSTERS, "requests")).isEqualTo("requests#3");
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");
    }

    /** Anyone may name a cluster in a URL: only those whose read succeeded take memory. */
    @Test
    void clustersThatDoNotExistAreNotRemembered() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        for (int i = 0; i < 1000; i++) {
            // a failed read takes a ticket and is never kept
            assertThat(reads.ticket("made-up-" + i, "health", KeptAnswers.LONGEST_KEPT)).isNotNull();
        }
        assertThat(reads.scopesRemembered()).isZero();
        read(FSID, "health");
        assertThat(reads.scopesRemembered()).isEqualTo(1);
    }

    @Test
    void aReadThatCrossedAChangeIsNotKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        read(FSID, "warm-up");
        assertThat(read(FSID, "osds", () -> reads.onUpdate(update(LiveUpdate.SYNC, FSID)))).isEqualTo("osds#2");
        assertThat(read(FSID, "osds")).isEqualTo("osds#3");
    }

    /** A cluster's first read is not kept when any change was heard meanwhile: it may have been this cluster's. */
    @Test
    void aClustersFirstReadThatCrossedAnyChangeIsNotKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(FSID, "osds", () -> reads.onUpdate(update(LiveUpdate.SYNC, FSID)))).isEqualTo("osds#1");
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");
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
    void aReadOnItsWayWhenTheStreamBrokeIsNotKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        read(FSID, "warm-up");
        assertThat(read(FSID, "health", () -> {
            reads.onInterrupted(new LiveFeed.Interrupted());
            reads.onUpdate(update(LiveUpdate.PING, null));
        })).isEqualTo("health#2");
        assertThat(read(FSID, "health")).isEqualTo("health#3");
    }

    @Test
    void aScopeKeepsABoundedNumberOfDistinctReads() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        for (int i = 0; i < KeptAnswers.MOST_KEPT_PER_SCOPE + 10; i++) {
            read(FSID, "osds?search=" + i);
        }
        int calls = upstreamCalls.get();
        read(FSID, "osds?search=0");
        assertThat(upstreamCalls).as("the first reads are kept").hasValue(calls);
        read(FSID, "osds?search=" + (KeptAnswers.MOST_KEPT_PER_SCOPE + 5));
        assertThat(upstreamCalls).as("reads beyond the bound are not").hasValue(calls + 1);
    }

    @Test
    void aScopeKeepsABoundedNumberOfBytes() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        byte[] large = new byte[(int) (KeptAnswers.MOST_BYTES_PER_SCOPE / 2) + 1];
        for (String key : new String[]{"first", "second"}) {
            reads.keep(reads.ticket(FSID, key, KeptAnswers.LONGEST_KEPT), new KeptAnswers.Representation(large, "application/json", ConditionalReads.tagOf(large)));
        }
        assertThat(reads.kept(FSID, "first")).isNotNull();
        assertThat(reads.kept(FSID, "second")).as("beyond the bytes a scope may keep").isNull();
    }

    /** Whoever saw a request complete in cluster-service's answer is not shown a map kept from before it. */
    @Test
    void nothingKeptIsServedWhileAnAnswerShowedMoreThanTheStreamBroughtHere() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(FSID, "osds")).isEqualTo("osds#1");
        assertThat(read(FSID, "osds")).isEqualTo("osds#1");

        // the request read answered at a position whose update has not arrived yet
        reads.answeredAt(STREAM + ":" + (position + 1));
        assertThat(read(FSID, "osds")).isEqualTo("osds#2");
        // another instance's positions say nothing of this stream
        reads.answeredAt("another-instance:" + (position + 100));

        reads.onUpdate(update(LiveUpdate.REQUEST, FSID));
        assertThat(read(FSID, "osds")).isEqualTo("osds#3");
        assertThat(read(FSID, "osds")).isEqualTo("osds#3");
    }

    @Test
    void anAnswerIsBroughtAnewOnceItWasKeptTheLongestItMayBe() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        reads.keep(reads.ticket(FSID, "space", Duration.ZERO), new KeptAnswers.Representation(body, "application/json", ConditionalReads.tagOf(body)));
        assertThat(reads.kept(FSID, "space").bringAnew()).as("due at once").isTrue();
        reads.keep(reads.ticket(FSID, "space", KeptReadFilters.BRIEFLY), new KeptAnswers.Representation(body, "application/json", ConditionalReads.tagOf(body)));
        assertThat(reads.kept(FSID, "space").bringAnew()).isFalse();
    }

    /** Whoever changed something through this gateway reads it at once, before the stream brings the news. */
    @Test
    void aChangeMadeHereForgetsEverythingKept() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        assertThat(read(FSID, "osds")).isEqualTo("osds#1");
        assertThat(read(KeptAnswers.ALL_CLUSTERS, "requests")).isEqualTo("requests#2");
        reads.changedHere();
        assertThat(read(FSID, "osds")).isEqualTo("osds#3");
        assertThat(read(KeptAnswers.ALL_CLUSTERS, "requests")).isEqualTo("requests#4");
    }

    /** A ping numbered before an update may come after it: it must not make the gateway think it is behind. */
    @Test
    void aLatePingDoesNotTakeBackWhatWasHeard() {
        reads.onUpdate(update(LiveUpdate.PING, null));
        LiveUpdate pingBefore = update(LiveUpdate.PING, null);
        reads.onUpdate(update(LiveUpdate.SYNC, "another-cluster"));
        reads.answeredAt(STREAM + ":" + position);
        reads.onUpdate(pingBefore);
        assertThat(read(FSID, "osds")).isEqualTo("osds#1");
        assertThat(read(FSID, "osds")).as("still served from what was kept").isEqualTo("osds#1");
    }
}
