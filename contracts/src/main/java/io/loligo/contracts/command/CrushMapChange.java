package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Replaces the whole CRUSH map, the only way Ceph offers to change a rule's steps. The agent compiles the text with
 * {@code crushtool} and hands the result to {@code osd setcrushmap} as the command's input.
 *
 * @param text the CRUSH map as {@code crushtool -d} writes it
 * @param priorVersion the CRUSH version the text was written from; Ceph refuses the map once the CRUSH map has moved
 *                     on, so a change made meanwhile is never overwritten
 */
public record CrushMapChange(String fsid, String text, long priorVersion) implements ClusterChange {
    public CrushMapChange {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(text, "text");
        if (priorVersion < 0) {
            throw new IllegalArgumentException("a CRUSH version is not negative");
        }
    }

    @Override
    public String monCommand() {
        return ClusterChange.command("osd setcrushmap").put("prior_version", priorVersion).toString();
    }

    /** The text is long and says nothing in a log line; its size and version do. */
    @Override
    public String toString() {
        return "CrushMapChange[fsid=" + fsid + ", " + text.length() + " chars, priorVersion=" + priorVersion + "]";
    }
}
