package io.loligo.agent.metrics;

import io.loligo.contracts.metrics.MetricBatch;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightBatchesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aBatchNeverSettledIsGivenBackOnceOverdueAndItsLateAnswerNoLongerCounts() {
        InFlightBatches inFlight = new InFlightBatches();
        MetricBatch first = batch("cpu value=1 1");
        MetricBatch second = batch("cpu value=2 2");
        InFlightBatches.Sent lost = inFlight.add(first, NOW);
        InFlightBatches.Sent taken = inFlight.add(second, NOW.plusSeconds(10));

        assertThat(inFlight.takeOverdue(NOW.plusSeconds(29), TIMEOUT)).isEmpty();
        assertThat(inFlight.settle(taken)).isTrue();
        assertThat(inFlight.takeOverdue(NOW.plusSeconds(30), TIMEOUT)).containsExactly(first);
        assertThat(inFlight.size()).isZero();
        assertThat(inFlight.settle(lost)).as("an answer after the batch went out again").isFalse();
    }

    @Test
    void equalBatchesSentTwiceAreSettledOneByOne() {
        InFlightBatches inFlight = new InFlightBatches();
        MetricBatch batch = batch("cpu value=1 1");
        InFlightBatches.Sent once = inFlight.add(batch, NOW);
        inFlight.add(batch, NOW.plusSeconds(40));

        assertThat(inFlight.takeOverdue(NOW.plusSeconds(40), TIMEOUT)).containsExactly(batch);
        assertThat(inFlight.settle(once)).isFalse();
        assertThat(inFlight.size()).isEqualTo(1);
    }

    private static MetricBatch batch(String line) {
        return new MetricBatch(MetricBatch.CURRENT_SCHEMA, "node", 1, line);
    }
}
