package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What a change would move, computed with Ceph's own CRUSH (in process, or osdmaptool's and crushtool's) on the OSD
 * map of {@code osd_map_epoch}.
 *
 * @param pgsChanged PGs whose up set would change at all (order or primary included)
 * @param pgsMoving PGs whose up set would gain or lose an OSD: their data is copied
 * @param objects objects copied: each moving PG's objects once for every OSD that newly holds it
 * @param bytes bytes copied, counted as {@code objects}, from the PGs' own statistics
 * @param osds each OSD that would gain or lose PGs, and how many
 * @param moving the moving PGs by id, at most 10,000 ({@code moving_truncated} says when there are more)
 * @param computedMs how long the agent took, from reading the maps to the answer
 */
public record MovementPreviewView(
        @JsonProperty("osd_map_epoch") long osdMapEpoch,
        @JsonProperty("pgs") int pgs,
        @JsonProperty("pgs_changed") int pgsChanged,
        @JsonProperty("pgs_moving") int pgsMoving,
        @JsonProperty("objects") long objects,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("osds") List<OsdShift> osds,
        @JsonProperty("moving") List<String> moving,
        @JsonProperty("moving_truncated") boolean movingTruncated,
        @JsonProperty("computed_ms") long computedMs) {

    /** One OSD's share: PGs it would newly hold and PGs it would no longer hold. */
    public record OsdShift(@JsonProperty("osd") int osd, @JsonProperty("gains") int gains, @JsonProperty("loses") int loses) {
    }
}
