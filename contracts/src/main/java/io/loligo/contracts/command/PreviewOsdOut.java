package io.loligo.contracts.command;

import java.util.Objects;

/**
 * What marking an OSD out would move, computed by the agent with Ceph's own {@code osdmaptool} on a copy of the OSD
 * map now (never by reimplementing CRUSH): the PGs whose up set changes, the objects and bytes they hold that would be
 * copied, and the OSDs that gain and lose PGs. Reads only.
 */
public record PreviewOsdOut(String fsid, int osd) implements AgentCommand {
    public PreviewOsdOut {
        Objects.requireNonNull(fsid, "fsid");
        if (osd < 0) {
            throw new IllegalArgumentException("osd must not be negative");
        }
    }
}
