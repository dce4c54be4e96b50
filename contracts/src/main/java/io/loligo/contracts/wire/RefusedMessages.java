package io.loligo.contracts.wire;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The messages a service refused before acting on them, counted by reason. Whoever sends them chooses how many:
 * each is counted, and only the 1st, 2nd, 4th, 8th... of a reason is worth a line in the log.
 */
public final class RefusedMessages {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /**
     * @param reason a short machine name, such as {@code too-large} or {@code bad-signature}
     * @return whether this refusal is one to log
     */
    public boolean count(String reason) {
        long count = counts.computeIfAbsent(reason, ignored -> new AtomicLong()).incrementAndGet();
        return Long.bitCount(count) == 1;
    }

    /** How many were refused for each reason since the service started. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((reason, count) -> snapshot.put(reason, count.get()));
        return snapshot;
    }
}
