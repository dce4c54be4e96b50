package io.loligo.gateway.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's time, moved ahead by what a test asks: the login throttle's waits pass without sleeping. It only ever
 * moves forward, as time does, for every test of the run.
 */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {
    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    static void advance(Duration by) {
        AHEAD.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
