package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks the agent of one host about the host itself rather than a cluster: its facts (Salt's grains, for Calamari's
 * clients), its block devices, the log files under its log directory, or the end of one of them.
 *
 * @param fsid a cluster the host serves, or null for a host that serves none
 * @param path for {@link Kind#LOG_TAIL}, the file, relative to the log directory
 * @param lines for {@link Kind#LOG_TAIL}, how many lines from the end
 */
public record ReadHost(String fsid, Kind kind, String path, int lines) implements AgentCommand {
    public enum Kind { FACTS, DEVICES, LOG_FILES, LOG_TAIL }

    public ReadHost {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LOG_TAIL && (path == null || lines < 1)) {
            throw new IllegalArgumentException("a log tail needs a path and a number of lines");
        }
    }

    public static ReadHost facts(String fsid) {
        return new ReadHost(fsid, Kind.FACTS, null, 0);
    }

    public static ReadHost devices(String fsid) {
        return new ReadHost(fsid, Kind.DEVICES, null, 0);
    }

    public static ReadHost logFiles(String fsid) {
        return new ReadHost(fsid, Kind.LOG_FILES, null, 0);
    }

    public static ReadHost logTail(String fsid, String path, int lines) {
        return new ReadHost(fsid, Kind.LOG_TAIL, path, lines);
    }
}
