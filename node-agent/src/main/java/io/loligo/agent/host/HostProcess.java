package io.loligo.agent.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one of the host's tools (lsblk, ceph-volume, crushtool, systemctl) and waits for it. Its output and its
 * messages are read side by side, so that a tool that writes much to both never blocks on a full pipe.
 */
public final class HostProcess {
    private HostProcess() {
    }

    /** What a tool did: its exit status, what it printed (stdout) and what it said (stderr), stripped. */
    public record Result(List<String> command, int exit, String output, String messages) {
        public boolean succeeded() {
            return exit == 0;
        }

        /** @return the output of a tool that succeeded; otherwise an {@link UncheckedIOException} with its messages */
        public String outputOrFail() {
            if (!succeeded()) {
                throw new UncheckedIOException(new IOException(String.join(" ", command) + " failed (exit " + exit + "): "
                        + (messages.isEmpty() ? output : messages)));
            }
            return output;
        }
    }

    /** How often a caller that follows a long tool hears that it still runs. */
    static final Duration STILL_RUNNING_EVERY = Duration.ofSeconds(1);

    /** @throws UncheckedIOException when the tool cannot start or does not finish within {@code timeout} (it is killed) */
    public static Result run(List<String> command, Duration timeout) {
        return run(command, timeout, elapsed -> { });
    }

    /**
     * As {@link #run(List, Duration)}, telling {@code stillRunning} how long the tool has run, every second while it
     * does: a request made of a tool that takes minutes (ceph-volume) shows it goes on.
     */
    public static Result run(List<String> command, Duration timeout, Consumer<Duration> stillRunning) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> messages = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            long started = System.nanoTime();
            while (!process.waitFor(STILL_RUNNING_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
                if (elapsed.compareTo(timeout) < 0) {
                    stillRunning.accept(elapsed);
                    continue;
                }
                process.destroyForcibly();
                throw new UncheckedIOException(new IOException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s"));
            }
            return new Result(List.copyOf(command), process.exitValue(), text(output.join()), text(messages.join()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while " + command.get(0) + " ran"));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
