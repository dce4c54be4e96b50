package io.loligo.agent.host;

import java.time.Instant;
import java.util.Optional;

/** Parsers for the host files the agent reads. Pure: callers pass the file contents. */
public final class HostFacts {
    private HostFacts() {
    }

    /** The boot time from /proc/stat's {@code btime} line (seconds since the epoch). */
    public static Optional<Instant> bootTime(String procStat) {
        return procStat.lines()
                .filter(line -> line.startsWith("btime "))
                .map(line -> Instant.ofEpochSecond(Long.parseLong(line.substring(6).strip())))
                .findFirst();
    }

    /** os-release's PRETTY_NAME, falling back to NAME and VERSION. */
    public static Optional<String> operatingSystem(String osRelease) {
        Optional<String> pretty = value(osRelease, "PRETTY_NAME");
        if (pretty.isPresent()) {
            return pretty;
        }
        return value(osRelease, "NAME").map(name -> value(osRelease, "VERSION").map(v -> name + " " + v).orElse(name));
    }

    private static Optional<String> value(String osRelease, String key) {
        return osRelease.lines()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> unquote(line.substring(key.length() + 1).strip()))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
