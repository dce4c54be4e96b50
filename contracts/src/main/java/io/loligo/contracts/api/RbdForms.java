package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What RBD changes are asked with. Pools are named as the {@code rbd} tool names them. */
public final class RbdForms {
    private RbdForms() {
    }

    /**
     * A new image ({@code name} and {@code size} needed), or the fields of one to change: {@code name} renames it,
     * {@code size} resizes it. Making an image smaller discards what lies beyond the new size, so it is done only
     * with {@code allow_shrink} set. {@code features}, {@code object_size} and {@code data_pool} are chosen at
     * creation only.
     *
     * @param size bytes
     * @param features names as {@code rbd info} prints them; the cluster's {@code rbd_default_features} when left out
     * @param objectSize bytes per RADOS object, a power of two from 4 KiB to 32 MiB; 4 MiB when left out
     * @param dataPool an erasure-coded pool with overwrites allowed, to hold the image's data
     */
    public record Image(
            @JsonProperty("name") String name,
            @JsonProperty("size") Long size,
            @JsonProperty("features") List<String> features,
            @JsonProperty("object_size") Long objectSize,
            @JsonProperty("data_pool") String dataPool,
            @JsonProperty("allow_shrink") Boolean allowShrink) {
    }

    /**
     * A new snapshot ({@code name} needed), or the fields of one to change.
     *
     * @param isProtected whether clones may be made of it; a protected snapshot cannot be removed
     */
    public record Snapshot(
            @JsonProperty("name") String name,
            @JsonProperty("protected") Boolean isProtected) {
    }

    /**
     * Where a copy or a clone goes.
     *
     * @param pool the pool it goes to; the source's pool when left out
     */
    public record Target(
            @JsonProperty("pool") String pool,
            @JsonProperty("name") String name) {
    }

    /**
     * An image back from the trash.
     *
     * @param name the name it takes; the name it had when left out
     */
    public record Restore(@JsonProperty("name") String name) {
    }
}
