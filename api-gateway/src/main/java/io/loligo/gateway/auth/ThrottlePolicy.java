package io.loligo.gateway.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * How consecutive failed logins slow down a user name and then lock it. Pure.
 *
 * <p>The first {@code freeFailures} cost nothing. Each failure after them makes the next attempt wait twice as long
 * as the one before, from one second. At {@code lockAfter} failures the name is locked for {@code lockFor}, even
 * to the right password. A success starts the count again.
 */
public record ThrottlePolicy(int freeFailures, int lockAfter, Duration lockFor) {

    /** What the next attempt may do. */
    public sealed interface Verdict permits Verdict.Try, Verdict.Wait, Verdict.Locked {
        /** The password may be checked. */
        record Try() implements Verdict {
        }

        /** Too soon after the last failure: come back at {@code until}. */
        record Wait(Instant until) implements Verdict {
        }

        /** Locked until {@code until}. */
        record Locked(Instant until) implements Verdict {
        }
    }

    /** The state a user name's failures left, as stored. */
    public record Failures(int count, Instant lastFailureAt, Instant lockedUntil) {
        public static final Failures NONE = new Failures(0, Instant.EPOCH, null);
    }

    public Verdict verdict(Failures failures, Instant now) {
        if (failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())) {
            return new Verdict.Locked(failures.lockedUntil());
        }
        if (failures.lockedUntil() != null) {
            return new Verdict.Try();
        }
        Instant earliest = failures.lastFailureAt().plus(delayAfter(failures.count()));
        return now.isBefore(earliest) ? new Verdict.Wait(earliest) : new Verdict.Try();
    }

    /** The failures after one more, at {@code now}. A lock that has run out starts a new count. */
    public Failures failed(Failures failures, Instant now) {
        int count = failures.lockedUntil() != null && !now.isBefore(failures.lockedUntil()) ? 1 : failures.count() + 1;
        return new Failures(count, now, count >= lockAfter ? now.plus(lockFor) : null);
    }

    /** The wait after {@code count} consecutive failures: none for the free ones, then 1 s, 2 s, 4 s… */
    public Duration delayAfter(int count) {
        if (count < freeFailures) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(1L << Math.min(count - freeFailures, 20));
    }
}
