package io.loligo.contracts.heartbeat;

import java.time.Duration;
import java.time.Instant;

/** When a silent node counts as late: for cluster-service, and for the agents that watch each other. Pure. */
public final class Liveness {
    /** Calamari's server_timeout_factor: one or two lost heartbeats are noise, three are a problem. */
    public static final int MISSED_PERIODS = 3;

    private Liveness() {
    }

    public static Instant lateAfter(Instant lastContact, int heartbeatPeriodSeconds) {
        return lastContact.plus(Duration.ofSeconds((long) MISSED_PERIODS * heartbeatPeriodSeconds));
    }
}
