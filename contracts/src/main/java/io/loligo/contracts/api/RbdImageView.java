package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An RBD image as librbd describes it.
 *
 * @param objectSize bytes per RADOS object ({@code 2^order})
 * @param dataPool the erasure-coded pool that holds the image's data, or null when its own pool does
 * @param usedBytes as {@code rbd du} counts them (whole objects); null when the image has no valid fast diff, for
 *                  which counting would read the whole image
 * @param watchers clients that have the image open (a mapped device, a running VM)
 */
public record RbdImageView(
        @JsonProperty("name") String name,
        @JsonProperty("id") String id,
        @JsonProperty("pool") String pool,
        @JsonProperty("size") long size,
        @JsonProperty("object_size") long objectSize,
        @JsonProperty("order") int order,
        @JsonProperty("features") List<String> features,
        @JsonProperty("data_pool") String dataPool,
        @JsonProperty("parent") Parent parent,
        @JsonProperty("snapshot_count") int snapshotCount,
        @JsonProperty("snapshots") List<Snapshot> snapshots,
        @JsonProperty("watchers") int watchers,
        @JsonProperty("provisioned_bytes") long provisionedBytes,
        @JsonProperty("used_bytes") Long usedBytes,
        @JsonProperty("created_at") String createdAt) {

    /**
     * @param size the image's size when the snapshot was taken
     * @param isProtected whether clones may be made of it, and it cannot be removed
     */
    public record Snapshot(
            @JsonProperty("name") String name,
            @JsonProperty("id") long id,
            @JsonProperty("size") long size,
            @JsonProperty("protected") boolean isProtected,
            @JsonProperty("created_at") String createdAt) {
    }

    /** The protected snapshot a clone was made from, until the clone is flattened. */
    public record Parent(
            @JsonProperty("pool") String pool,
            @JsonProperty("namespace") String namespace,
            @JsonProperty("image") String image,
            @JsonProperty("snapshot") String snapshot,
            @JsonProperty("in_trash") boolean inTrash) {
    }
}
