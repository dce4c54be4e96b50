package io.loligo.gateway.auth;

import io.loligo.gateway.user.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KnownCallersTest {
    private final Instant now = Instant.parse("2026-12-05T21:00:00Z");
    private final Caller alice = new Caller(1, "alice", Role.READ_ONLY, "xsrf", "session-hash", null);

    @Test
    void aCallerIsBelievedForTheGraceAfterItsLastReadingAndNeverOnceForgotten() {
        KnownCallers known = new KnownCallers();
        known.remember("session-hash", alice, now);

        assertThat(known.recall("session-hash", now.plus(KnownCallers.OUTAGE_GRACE))).contains(alice);
        assertThat(known.recall("session-hash", now.plus(KnownCallers.OUTAGE_GRACE).plusSeconds(1))).isEmpty();
        assertThat(known.recall("another", now)).isEmpty();

        known.forget("session-hash");
        assertThat(known.recall("session-hash", now)).isEmpty();
        known.remember("session-hash", alice, now);
        known.forgetAll();
        assertThat(known.recall("session-hash", now)).isEmpty();
    }

    @Test
    void itHoldsABoundedNumberOfCallersForgettingTheLeastRecentlyUsed() {
        KnownCallers known = new KnownCallers();
        for (int i = 0; i <= KnownCallers.REMEMBERED; i++) {
            known.remember("hash-" + i, alice, now);
            if (i == 0) {
                continue;
            }
            // the first one keeps being used
            known.recall("hash-0", now);
        }
        assertThat(known.recall("hash-0", now)).contains(alice);
        assertThat(known.recall("hash-1", now)).isEmpty();
    }
}
