package io.loligo.cluster.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** On the caller's thread (a direct executor), so that each background read has ended when {@code get} returns. */
class KeptReadsTest {
    private final AtomicInteger reads = new AtomicInteger();

    private Integer read() {
        return reads.incrementAndGet();
    }

    @Test
    void aFreshReadIsAnsweredAgainWithoutReading() {
        KeptReads<String, Integer> kept = new KeptReads<>(Duration.ofHours(1), Runnable::run);

        assertThat(kept.get("pool", this::read)).isEqualTo(1);
        assertThat(kept.get("pool", this::read)).isEqualTo(1);
        assertThat(kept.get("other", this::read)).as("each key its own").isEqualTo(2);
    }

    @Test
    void aReadLeftIncompleteIsReadOnAtTheNextAnswerWhateverItsAge() {
        KeptReads<String, Integer> kept = new KeptReads<>(Duration.ofHours(1), Runnable::run, value -> value >= 3);

        kept.get("pool", this::read);
        kept.get("pool", this::read);
        kept.get("pool", this::read);
        kept.get("pool", this::read);

        assertThat(reads).as("read on until complete, then kept").hasValue(3);
    }

    @Test
    void aForgottenKeyIsReadBeforeItsNextAnswerAndOthersAreKept() {
        KeptReads<String, Integer> kept = new KeptReads<>(Duration.ofHours(1), Runnable::run);
        kept.get("changed", this::read);
        kept.get("untouched", this::read);

        kept.forget("changed"::equals);

        assertThat(kept.get("changed", this::read)).isEqualTo(3);
        assertThat(kept.get("untouched", this::read)).isEqualTo(2);
    }

    @Test
    void aReadBegunBeforeAForgetIsNotKept() {
        KeptReads<String, Integer> kept = new KeptReads<>(Duration.ZERO, Runnable::run);
        kept.get("pool", () -> {
            kept.forget(key -> true);
            return read();
        });

        assertThat(kept.get("pool", this::read)).as("the read that raced the change was dropped").isEqualTo(2);
    }
}
