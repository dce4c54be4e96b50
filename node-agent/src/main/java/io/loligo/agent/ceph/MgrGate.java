package io.loligo.agent.ceph;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a command the mgr serves is worth sending now. The mons proxy such commands to the active mgr; with none,
 * librados waits out its whole operation timeout each time, and every read behind it waits too. So a mgr the mons
 * know to be gone is not asked at all, and one that stopped answering (the mons notice only after their beacon
 * grace) is asked once per {@link #RETRY}, every other command refused at once meanwhile. Pure.
 */
final class MgrGate {
    static final Duration RETRY = Duration.ofSeconds(5);
    private boolean announced = true;
    private Instant silentSince;
    private Instant lastTry;

    /** What the mons say of the mgr: {@code mgrmap.available} in {@code status}. */
    synchronized void announced(boolean available) {
        if (available && !announced) {
            // a mgr (back or another) took over: it has not been silent
            silentSince = null;
        }
        announced = available;
    }

    /** @return why a command the mgr serves is not sent now, or empty when it is */
    synchronized Optional<String> refusal(Instant now) {
        if (!announced) {
            return Optional.of("no ceph-mgr is active (the monitors know of none); what the mgr serves cannot be read or done now");
        }
        if (silentSince == null) {
            return Optional.empty();
        }
        if (lastTry != null && now.isBefore(lastTry.plus(RETRY))) {
            return Optional.of("the active ceph-mgr has not answered since " + silentSince + "; it is asked again every "
                    + RETRY.toSeconds() + " s");
        }
        lastTry = now;
        return Optional.empty();
    }

    synchronized void answered() {
        silentSince = null;
        lastTry = null;
    }

    synchronized void timedOut(Instant at) {
        if (silentSince == null) {
            silentSince = at;
        }
        lastTry = at;
    }
}
