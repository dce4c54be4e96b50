package io.loligo.contracts.command;

import java.util.Objects;

/**
 * What giving an OSD another override weight would move ({@code osd reweight}; 0 is {@code osd out}), computed by the
 * agent with Ceph's own CRUSH (libceph-common's in process, or its tools on a copy of the OSD map now), never by
 * reimplementing it: the PGs whose up set changes, the objects and bytes they hold that would be copied, and the OSDs
 * that gain and lose PGs. Reads only.
 *
 * @param weight the OSD's override weight after the change, from 0 (out) to 1
 */
public record PreviewOsdWeight(String fsid, int osd, double weight) implements AgentCommand {
    public PreviewOsdWeight {
        Objects.requireNonNull(fsid, "fsid");
        if (osd < 0) {
            throw new IllegalArgumentException("osd must not be negative");
        }
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("weight must be between 0 and 1");
        }
    }
}
