package io.loligo.contracts.heartbeat;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LivenessTest {
    @Test
    void aServerIsLateAfterThreeMissedPeriods() {
        Instant contact = Instant.parse("2026-11-26T00:00:00Z");
        assertThat(Liveness.lateAfter(contact, 5)).isEqualTo(Instant.parse("2026-11-26T00:00:15Z"));
    }
}
