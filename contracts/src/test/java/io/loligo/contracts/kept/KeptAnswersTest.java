package io.loligo.contracts.kept;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class KeptAnswersTest {
    private static final String FSID = "a7f64266-0894-4f1e-a635-d0aeaca0e993";
    private final AtomicLong clock = new AtomicLong();
    private final KeptAnswers answers = new KeptAnswers(clock::get);

    private static KeptAnswers.Representation answer(String text) {
        return new KeptAnswers.Representation(text.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }

    private String kept(String scope, String key) {
        KeptAnswers.Representation kept = answers.kept(scope, key);
        return kept == null ? null : new String(kept.body(), StandardCharsets.UTF_8);
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

        clock.set(KeptAnswers.LONGEST_KEPT.toNanos() - 1);
        assertThat(kept(FSID, "space")).as("one more try").isNull();
        assertThat(kept(FSID, "space")).isEqualTo("space#1");
        clock.set(KeptAnswers.LONGEST_KEPT.toNanos());
        assertThat(kept(FSID, "space")).isNull();
        assertThat(kept(FSID, "space")).isNull();
    }

    @Test
    void aChangeForgetsAnAnswerDueAtOnce() {
        answers.keep(answers.ticket(FSID, "space", Duration.ofSeconds(1)), answer("space#1"));
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(kept(FSID, "space")).isNull();
        answers.changed(FSID);
        assertThat(kept(FSID, "space")).isNull();
    }
}
