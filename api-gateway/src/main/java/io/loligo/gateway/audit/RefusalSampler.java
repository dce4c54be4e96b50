package io.loligo.gateway.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the first few refusals of each minute and counts the rest, so that whoever sends refused calls by the
 * thousand cannot flood the audit log, and the log still says how many came. Pure; thread-safe.
 */
final class RefusalSampler {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perWindow;
    private Instant windowStart = Instant.EPOCH;
    private int kept;
    private long unkept;

    RefusalSampler(int perWindow) {
        this.perWindow = perWindow;
    }

    /** Whether to keep this refusal; one not kept is counted. */
    synchronized boolean offer(Instant at) {
        if (!at.isBefore(windowStart.plus(WINDOW))) {
            windowStart = at;
            kept = 0;
        }
        if (kept < perWindow) {
            kept++;
            return true;
        }
        unkept++;
        return false;
    }

    /** How many were not kept since the last time this was asked. */
    synchronized long drainUnkept() {
        long count = unkept;
        unkept = 0;
        return count;
    }
}
