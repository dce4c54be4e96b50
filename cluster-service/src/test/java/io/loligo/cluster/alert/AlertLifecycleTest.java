package io.loligo.cluster.alert;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLifecycleTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Condition DOWN = Condition.of("CephOsdDown", AlertSeverity.WARNING, Map.of("osd", "osd.1"), "osd.1 is down", "start it");

    private static List<AlertLifecycle.Transition> step(List<AlertLifecycle.Open> open, List<Condition> now, Instant at) {
        return AlertLifecycle.step(open, now, at, condition -> Duration.ofSeconds(30));
    }

    private static AlertLifecycle.Open open(AlertState state, Instant since, String summary) {
        return new AlertLifecycle.Open(7, DOWN.fingerprint(), state, since, summary, DOWN.description());
    }

    @Test
    void aNewConditionIsPendingThenFiresOnceItHeldForItsDuration() {
        assertThat(step(List.of(), List.of(DOWN), T0)).containsExactly(new AlertLifecycle.Opened(DOWN, AlertState.PENDING));
        assertThat(step(List.of(open(AlertState.PENDING, T0, DOWN.summary())), List.of(DOWN), T0.plusSeconds(29))).isEmpty();
        assertThat(step(List.of(open(AlertState.PENDING, T0, DOWN.summary())), List.of(DOWN), T0.plusSeconds(30)))
                .containsExactly(new AlertLifecycle.Fired(7, DOWN));
    }

    @Test
    void aRuleThatWaitsForNothingFiresAtOnce() {
        assertThat(AlertLifecycle.step(List.of(), List.of(DOWN), T0, condition -> Duration.ZERO))
                .containsExactly(new AlertLifecycle.Opened(DOWN, AlertState.FIRING));
    }

    @Test
    void aGoneConditionResolvesAFiringAlertAndDropsAPendingOne() {
        assertThat(step(List.of(open(AlertState.FIRING, T0, DOWN.summary())), List.of(), T0.plusSeconds(60)))
                .containsExactly(new AlertLifecycle.Resolved(7));
        assertThat(step(List.of(open(AlertState.PENDING, T0, DOWN.summary())), List.of(), T0.plusSeconds(10)))
                .containsExactly(new AlertLifecycle.Dropped(7));
    }

    @Test
    void newFiguresRewordAnOpenAlertWithoutChangingItsState() {
        assertThat(step(List.of(open(AlertState.FIRING, T0, "2 osds down")), List.of(DOWN), T0.plusSeconds(60)))
                .containsExactly(new AlertLifecycle.Reworded(7, DOWN));
    }
}
