package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.command.CrushMapChange;

/**
 * The CRUSH map as cluster-service holds it, with the CRUSH version it has: a whole new map is only accepted by
 * Ceph over the version it was written from.
 *
 * @param dump {@code osd crush dump}
 */
public record HeldCrushMap(String fsid, JsonNode dump, long version) {

    /** The change that puts an edited copy of {@link #dump} in place of this map. */
    public CrushMapChange replacedBy(JsonNode editedDump) {
        return replacedBy(CrushMapText.of(editedDump));
    }

    public CrushMapChange replacedBy(String text) {
        return new CrushMapChange(fsid, text, version);
    }
}
