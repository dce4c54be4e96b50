package io.loligo.agent.daemon;

import io.loligo.contracts.command.CommandReply;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits for a step of a long change to end, telling the request what it waits for and for how long meanwhile: a tool
 * that runs, or Ceph showing what it did.
 */
public final class Settle {
    private Settle() {
    }

    /** Ceph did not show what was asked in time. */
    public static final class NotSettled extends RuntimeException {
        NotSettled(String message) {
            super(message);
        }
    }

    /** What a stage reports every second while a tool runs in it (a daemon stopping, ceph-volume making an OSD). */
    public static Consumer<Duration> stillIn(String stage, Consumer<CommandReply.Progress> progress) {
        return elapsed -> progress.accept(CommandReply.Progress.waiting(stage, elapsed.toSeconds()));
    }

    /** @throws NotSettled once {@code timeout} has passed without {@code done} */
    public static void until(Consumer<CommandReply.Progress> progress, String what, Duration timeout, Duration pollEvery,
                             BooleanSupplier done) throws InterruptedException {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(timeout) > 0) {
                throw new NotSettled("waited " + timeout.toSeconds() + " s for " + what + " in vain");
            }
            progress.accept(CommandReply.Progress.waiting("waiting for " + what, waited.toSeconds()));
            Thread.sleep(pollEvery.toMillis());
        }
    }
}
