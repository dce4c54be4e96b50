package io.loligo.cluster.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The transitions one evaluation makes of the open alerts, from what the rules find now. Pure. */
public final class AlertLifecycle {
    private AlertLifecycle() {
    }

    /** An alert not resolved, as kept. */
    public record Open(long id, String fingerprint, AlertState state, Instant activeSince, String summary, String description) {
    }

    public sealed interface Transition {
    }

    /** A condition new to the alerts: pending, or firing at once when its rule waits for nothing. */
    public record Opened(Condition condition, AlertState state) implements Transition {
    }

    /** A pending alert's condition held for its rule's duration. */
    public record Fired(long id, Condition condition) implements Transition {
    }

    /** An open alert's figures changed (its summary or what Ceph says of it), not its state. */
    public record Reworded(long id, Condition condition) implements Transition {
    }

    /** A firing alert's condition is gone. */
    public record Resolved(long id) implements Transition {
    }

    /** A pending alert's condition went before it fired. */
    public record Dropped(long id) implements Transition {
    }

    /**
     * @param pendingFor how long a condition must hold before its alert fires
     */
    public static List<Transition> step(List<Open> open, List<Condition> now, Instant at, Function<Condition, Duration> pendingFor) {
        Map<String, Open> byFingerprint = new HashMap<>();
        open.forEach(alert -> byFingerprint.put(alert.fingerprint(), alert));
        List<Transition> transitions = new ArrayList<>();
        Map<String, Condition> holding = new HashMap<>();
        now.forEach(condition -> holding.putIfAbsent(condition.fingerprint(), condition));
        holding.forEach((fingerprint, condition) -> {
            Open alert = byFingerprint.get(fingerprint);
            Duration wait = pendingFor.apply(condition);
            if (alert == null) {
                transitions.add(new Opened(condition, wait.isZero() ? AlertState.FIRING : AlertState.PENDING));
            } else if (alert.state() == AlertState.PENDING && !at.isBefore(alert.activeSince().plus(wait))) {
                transitions.add(new Fired(alert.id(), condition));
            } else if (!alert.summary().equals(condition.summary()) || !alert.description().equals(condition.description())) {
                transitions.add(new Reworded(alert.id(), condition));
            }
        });
        open.stream().filter(alert -> !holding.containsKey(alert.fingerprint()))
                .forEach(alert -> transitions.add(alert.state() == AlertState.FIRING ? new Resolved(alert.id()) : new Dropped(alert.id())));
        return transitions;
    }
}
