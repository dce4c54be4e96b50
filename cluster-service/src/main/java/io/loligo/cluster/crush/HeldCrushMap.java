package io.loligo.cluster.crush;

import io.loligo.contracts.command.CrushMapChange;

/**
 * The CRUSH map as cluster-service holds it, with the CRUSH version it has: a whole new map is only accepted by
 * Ceph over the version it was written from.
 */
public record HeldCrushMap(String fsid, CrushMap map, long version) {

    /** The change that puts an edited copy of {@link #map} in place of this map. */
    public CrushMapChange replacedBy(CrushMap edited) {
        return replacedBy(CrushMapText.of(edited));
    }

    public CrushMapChange replacedBy(String text) {
        return new CrushMapChange(fsid, text, version);
    }
}
