package io.loligo.gateway.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per caller's address, so that trying many user names from one address slows that address
 * down, whichever names it tries. Held in memory, for the addresses seen last (each replica counts its own), and
 * forgotten once an address has not failed for a while. Pure; thread-safe.
 */
final class SourceThrottle {
    static final int ADDRESSES_REMEMBERED = 10_000;

    private final ThrottlePolicy policy;
    private final Duration forgetAfter;
    private final Map<String, ThrottlePolicy.Failures> failures;

    SourceThrottle(ThrottlePolicy policy, int remembered) {
        this.policy = policy;
        this.forgetAfter = policy.lockFor();
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ThrottlePolicy.Failures> eldest) {
                return size() > remembered;
            }
        };
    }

    /** When this address may try again, if not now. */
    synchronized Optional<Instant> waitUntil(String source, Instant now) {
        ThrottlePolicy.Failures counted = current(source, now);
        return counted != null && policy.verdict(counted, now) instanceof ThrottlePolicy.Verdict.Wait wait
                ? Optional.of(wait.until()) : Optional.empty();
    }

    synchronized void failed(String source, Instant now) {
        ThrottlePolicy.Failures counted = current(source, now);
        failures.put(source, policy.failed(counted == null ? ThrottlePolicy.Failures.NONE : counted, now));
    }

    private ThrottlePolicy.Failures current(String source, Instant now) {
        ThrottlePolicy.Failures counted = failures.get(source);
        if (counted != null && counted.lastFailureAt().plus(forgetAfter).isBefore(now)) {
            failures.remove(source);
            return null;
        }
        return counted;
    }
}
