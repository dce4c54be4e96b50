package io.loligo.agent.ceph;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MgrGateTest {
    private final Instant start = Instant.parse("2026-12-05T12:00:00Z");
    private final MgrGate gate = new MgrGate();

    @Test
    void aMgrTheMonitorsKnowIsAskedAndOneTheyKnowIsGoneIsNot() {
        assertThat(gate.refusal(start)).isEmpty();

        gate.announced(false);
        assertThat(gate.refusal(start)).hasValueSatisfying(reason -> assertThat(reason).contains("no ceph-mgr is active"));

        gate.announced(true);
        assertThat(gate.refusal(start)).isEmpty();
    }

    @Test
    void aSilentMgrIsAskedOncePerRetryUntilItAnswersOrTheMonitorsAnnounceAnother() {
        gate.timedOut(start);
        assertThat(gate.refusal(start.plusSeconds(1))).hasValueSatisfying(reason -> assertThat(reason).contains("has not answered since"));
        Instant retry = start.plus(MgrGate.RETRY);
        assertThat(gate.refusal(retry)).as("one command tries it").isEmpty();
        assertThat(gate.refusal(retry.plusMillis(10))).as("the others do not wait behind that try").isPresent();

        gate.answered();
        assertThat(gate.refusal(retry.plusSeconds(1))).isEmpty();

        gate.timedOut(retry.plusSeconds(2));
        gate.announced(false);
        gate.announced(true);
        assertThat(gate.refusal(retry.plusSeconds(3))).as("a mgr the monitors announce again is asked at once").isEmpty();
    }
}
