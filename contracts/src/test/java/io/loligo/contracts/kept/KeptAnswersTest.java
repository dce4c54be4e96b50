package io.loligo.contracts.kept;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAnswersTest {
    private static final String FSID = "a7f64266-0894-4f1e-a635-d0aeaca0e993";
    private final AtomicLong clock = new AtomicLong();
    private final KeptAnswers answers = new KeptAnswers(clock::get);

    private static KeptAnswers.Representation answer(String text) {
        return new KeptAnswers.Representation(text.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }

    /** As a read that goes on to the source when it is the one to bring the answer anew. */
    private String kept(String scope, String key) {
        KeptAnswers.Kept kept = answers.kept(scope, key);
        return kept == null || kept.bringAnew() ? null : new String(kept.representation().body(), StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerIsKeptUntilItsClusterOrEveryClusterChanges() {
        answers.keep(answers.ticket(FSID, "pools", KeptAnswers.LONGEST_KEPT), answer("pools"));
        answers.keep(answers.ticket(KeptAnswers.ALL_CLUSTERS, "requests", KeptAnswers.LONGEST_KEPT), answer("requests"));
        answers.changed("another-cluster");
        assertThat(kept(FSID, "pools")).isEqualTo("pools");
        assertThat(kept(KeptAnswers.ALL_CLUSTERS, "requests")).as("a read across clusters moves with any").isNull();

        answers.changed(FSID);
        assertThat(kept(FSID, "pools")).isNull();
        answers.keep(answers.ticket(FSID, "pools", KeptAnswers.LONGEST_KEPT), answer("pools again"));
        answers.changed(null);
        assertThat(kept(FSID, "pools")).as("a change outside any cluster").isNull();
    }

    /** A read begun before everything was forgotten must not be kept in the memory its scope has since. */
    @Test
    void aReadBegunBeforeEverythingWasForgottenIsNotKeptAfter() {
        answers.keep(answers.ticket(FSID, "warm-up", KeptAnswers.LONGEST_KEPT), answer("warm-up"));
        KeptAnswers.Ticket before = answers.ticket(FSID, "pools", KeptAnswers.LONGEST_KEPT);
        answers.forgetAll();
        answers.keep(answers.ticket(FSID, "health", KeptAnswers.LONGEST_KEPT), answer("health"));
        answers.keep(before, answer("stale pools"));
        assertThat(kept(FSID, "health")).isEqualTo("health");
        assertThat(kept(FSID, "pools")).isNull();

        KeptAnswers.Ticket firstBefore = answers.ticket("another-cluster", "pools", KeptAnswers.LONGEST_KEPT);
        answers.forgetAll();
        answers.keep(answers.ticket("another-cluster", "health", KeptAnswers.LONGEST_KEPT), answer("health"));
        answers.keep(firstBefore, answer("stale pools"));
        assertThat(kept("another-cluster", "pools")).isNull();
    }

    /** A second-long answer from an agent: once it is due, one read asks anew and the others are not held up. */
    @Test
    void anAnswerDueIsBroughtAnewByOneReadWhileTheOthersAreGivenIt() {
        Duration second = Duration.ofSeconds(1);
        answers.keep(answers.ticket(FSID, "space", second), answer("space#1"));
        clock.addAndGet(second.toNanos() - 1);
        assertThat(kept(FSID, "space")).isEqualTo("space#1");

        clock.addAndGet(1);
        assertThat(kept(FSID, "space")).as("the first read after it was due brings it anew").isNull();
        KeptAnswers.Ticket refresh = answers.ticket(FSID, "space", second);
        assertThat(kept(FSID, "space")).as("meanwhile").isEqualTo("space#1");
        answers.keep(refresh, answer("space#2"));
        assertThat(kept(FSID, "space")).isEqualTo("space#2");
    }

    /** An answer kept until its cluster changes is brought anew before it may be kept no longer: no one waits at the bound. */
    @Test
    void anAnswerKeptUntilChangedIsBroughtAnewWhileItMayStillBeGiven() {
        answers.keep(answers.ticket(FSID, "osds", KeptAnswers.UNCHANGED_DUE), answer("osds#1"));
        clock.set(KeptAnswers.UNCHANGED_DUE.toNanos());
        assertThat(answers.kept(FSID, "osds").bringAnew()).as("due").isTrue();
        assertThat(kept(FSID, "osds")).as("to the others meanwhile").isEqualTo("osds#1");
        clock.set(KeptAnswers.LONGEST_KEPT.toNanos() - 1);
        assertThat(kept(FSID, "osds")).isEqualTo("osds#1");
    }

    /** On a busy host the source may take longer than the answer is kept, or never answer. */
    @Test
    void aReadThatBringsNothingIsTriedAgainAndNothingIsServedBeyondTheLongestKept() {
        Duration second = Duration.ofSeconds(1);
        answers.keep(answers.ticket(FSID, "space", second), answer("space#1"));
        clock.addAndGet(second.toNanos());
        assertThat(kept(FSID, "space")).as("the first read after it was due").isNull();
        clock.addAndGet(second.toNanos() - 1);
        assertThat(kept(FSID, "space")).as("while that read is on its way").isEqualTo("space#1");
        clock.addAndGet(1);
        assertThat(kept(FSID, "space")).as("another read tries, that one having been away a second").isNull();
        assertThat(kept(FSID, "space")).isEqualTo("space#1");

        // asked each second meanwhile, as a console polls
        while (clock.get() < KeptAnswers.LONGEST_KEPT.toNanos() - 2 * second.toNanos()) {
            clock.addAndGet(second.toNanos());
            kept(FSID, "space");
        }
        clock.set(KeptAnswers.LONGEST_KEPT.toNanos() - 1);
        assertThat(kept(FSID, "space")).as("one more try").isNull();
        assertThat(kept(FSID, "space")).isEqualTo("space#1");
        clock.set(KeptAnswers.LONGEST_KEPT.toNanos());
        assertThat(kept(FSID, "space")).isNull();
        assertThat(kept(FSID, "space")).isNull();
    }

    /**
     * A page among many that a script pages through comes round again long after it was due: its read asks the
     * source, as the first did, rather than be given the old answer while another read brings it anew.
     */
    @Test
    void anAnswerNotAskedForTwiceItsTimeIsNotGivenOnceDue() {
        Duration second = Duration.ofSeconds(1);
        answers.keep(answers.ticket(FSID, "page-7", second), answer("page-7#1"));
        clock.addAndGet(2 * second.toNanos());
        assertThat(answers.kept(FSID, "page-7")).as("asked again only now").isNull();
        answers.keep(answers.ticket(FSID, "page-7", second), answer("page-7#2"));
        clock.addAndGet(second.toNanos());
        assertThat(answers.kept(FSID, "page-7").bringAnew()).as("asked again within twice its time, due").isTrue();
        assertThat(kept(FSID, "page-7")).as("to the others meanwhile").isEqualTo("page-7#2");
    }

    /** A keeper that brings the answer by other means gives the read that is to bring it the answer kept, with its age. */
    @Test
    void theReadToBringAnAnswerAnewIsToldSoWithTheAnswerAndItsAge() {
        Duration second = Duration.ofSeconds(1);
        answers.keep(answers.ticket(FSID, "space", second), answer("space#1"));
        assertThat(answers.kept(FSID, "space").ageSeconds()).isZero();
        clock.addAndGet(second.toNanos() + second.toNanos() / 2);
        KeptAnswers.Kept due = answers.kept(FSID, "space");
        assertThat(due.bringAnew()).isTrue();
        assertThat(due.ageSeconds()).isEqualTo(1);
        assertThat(new String(due.representation().body(), StandardCharsets.UTF_8)).isEqualTo("space#1");
        assertThat(answers.kept(FSID, "space").bringAnew()).as("only one read is").isFalse();
    }

    @Test
    void aChangeForgetsAnAnswerDueAtOnce() {
        answers.keep(answers.ticket(FSID, "space", Duration.ofSeconds(1)), answer("space#1"));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(kept(FSID, "space")).isNull();
        answers.changed(FSID);
        assertThat(kept(FSID, "space")).isNull();
    }

    /** Sixteen pollers that find nothing kept ask the source once: the others wait for the first one's answer. */
    @Test
    void readsThatComeWhileTheSameReadIsOnItsWayAreGivenItsAnswer() {
        answers.keep(answers.ticket(FSID, "warm-up", Duration.ofSeconds(1)), answer("warm-up"));
        KeptAnswers.Ticket first = answers.ticket(FSID, "osds", Duration.ofSeconds(1));
        CompletableFuture<KeptAnswers.Representation> coming = answers.onItsWay(FSID, "osds");
        assertThat(coming).isNotNull().isNotDone();
        assertThat(answers.onItsWay(FSID, "pools")).as("another query").isNull();
        answers.keep(first, answer("osds#1"));
        assertThat(new String(coming.join().body(), StandardCharsets.UTF_8)).isEqualTo("osds#1");
        assertThat(answers.onItsWay(FSID, "osds")).as("once it came").isNull();
    }

    /** What may not be kept may not be given either: the read crossed a change, or brought no answer. */
    @Test
    void readsThatWaitedGoOnThemselvesWhenTheAnswerMayNotBeGiven() {
        answers.keep(answers.ticket(FSID, "warm-up", Duration.ofSeconds(1)), answer("warm-up"));
        KeptAnswers.Ticket crossed = answers.ticket(FSID, "osds", Duration.ofSeconds(1));
        CompletableFuture<KeptAnswers.Representation> afterChange = answers.onItsWay(FSID, "osds");
        answers.changed(FSID);
        answers.keep(crossed, answer("osds#1"));
        assertThat(afterChange.join()).isNull();

        KeptAnswers.Ticket failed = answers.ticket(FSID, "osds", Duration.ofSeconds(1));
        CompletableFuture<KeptAnswers.Representation> afterFailure = answers.onItsWay(FSID, "osds");
        answers.abandon(failed);
        assertThat(afterFailure.join()).isNull();
    }

    /** A read whose caller went away before any filter saw its answer leads no longer than a wait lasts. */
    @Test
    void aReadThatNeverCameBackIsNotWaitedForLongerThanTheLongestWait() {
        answers.keep(answers.ticket(FSID, "warm-up", Duration.ofSeconds(1)), answer("warm-up"));
        answers.ticket(FSID, "osds", Duration.ofSeconds(1));
        clock.addAndGet(KeptAnswers.LONGEST_WAIT.toNanos() - 1);
        assertThat(answers.onItsWay(FSID, "osds")).isNotNull();
        clock.addAndGet(1);
        assertThat(answers.onItsWay(FSID, "osds")).isNull();
        KeptAnswers.Ticket next = answers.ticket(FSID, "osds", Duration.ofSeconds(1));
        CompletableFuture<KeptAnswers.Representation> coming = answers.onItsWay(FSID, "osds");
        answers.keep(next, answer("osds#2"));
        assertThat(coming.join()).as("the next read leads").isNotNull();
    }
}
