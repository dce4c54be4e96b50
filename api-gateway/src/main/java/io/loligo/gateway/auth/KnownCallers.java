package io.loligo.gateway.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whom each session and API token belonged to when last read from PostgreSQL, for the time the database is away:
 * reads served from memory then keep answering the callers they answered a moment ago, while every mutation still
 * needs its audit entry, and so the database. Forgotten whenever credentials change here ({@link CredentialsChange}),
 * and after {@link #OUTAGE_GRACE}. Bounded like the cache in front of it.
 */
@ApplicationScoped
public class KnownCallers {
    /** How long after its last reading a caller is still believed while the database cannot be asked. */
    static final Duration OUTAGE_GRACE = Duration.ofMinutes(10);
    static final int REMEMBERED = 10_000;

    private record Known(Caller caller, Instant readAt) {
    }

    private final Map<String, Known> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param tokenHash the credential's SHA-256, never the credential */
    synchronized void remember(String tokenHash, Caller caller, Instant now) {
        known.put(tokenHash, new Known(caller, now));
    }

    synchronized void forget(String tokenHash) {
        known.remove(tokenHash);
    }

    synchronized Optional<Caller> recall(String tokenHash, Instant now) {
        Known found = known.get(tokenHash);
        return found == null || found.readAt().plus(OUTAGE_GRACE).isBefore(now) ? Optional.empty() : Optional.of(found.caller());
    }

    synchronized void forgetAll() {
        known.clear();
    }
}
