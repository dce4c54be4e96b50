package io.loligo.gateway.auth;

import io.loligo.gateway.auth.ThrottlePolicy.Failures;
import io.loligo.gateway.auth.ThrottlePolicy.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottlePolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private final ThrottlePolicy policy = new ThrottlePolicy(3, 10, Duration.ofMinutes(15));

    private Failures after(int failures) {
        Failures state = Failures.NONE;
        for (int i = 0; i < failures; i++) {
            state = policy.failed(state, T0);
        }
        return state;
    }

    @Test
    void the_first_failures_are_free() {
        assertThat(policy.verdict(after(2), T0)).isEqualTo(new Verdict.Try());
    }

    @Test
    void each_failure_beyond_them_doubles_the_wait() {
        assertThat(policy.verdict(after(3), T0)).isEqualTo(new Verdict.Wait(T0.plusSeconds(1)));
        assertThat(policy.verdict(after(3), T0.plusSeconds(1))).isEqualTo(new Verdict.Try());
        assertThat(policy.verdict(after(4), T0)).isEqualTo(new Verdict.Wait(T0.plusSeconds(2)));
        assertThat(policy.verdict(after(9), T0)).isEqualTo(new Verdict.Wait(T0.plusSeconds(64)));
    }

    @Test
    void enough_failures_lock_the_name_even_to_the_right_password_until_the_lock_runs_out() {
        Failures locked = after(10);
        assertThat(locked.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(policy.verdict(locked, T0.plus(Duration.ofMinutes(14)))).isEqualTo(new Verdict.Locked(locked.lockedUntil()));
        assertThat(policy.verdict(locked, T0.plus(Duration.ofMinutes(15)))).isEqualTo(new Verdict.Try());
    }

    @Test
    void a_failure_after_a_lock_ran_out_counts_from_one_again() {
        Failures again = policy.failed(after(10), T0.plus(Duration.ofMinutes(16)));
        assertThat(again.count()).isEqualTo(1);
        assertThat(again.lockedUntil()).isNull();
    }
}
