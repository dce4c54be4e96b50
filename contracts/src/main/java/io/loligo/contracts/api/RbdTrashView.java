package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image in a pool's trash: no longer listed as an image, its data kept until it is purged.
 *
 * @param deferredUntil until when a purge is refused
 * @param source who moved it there: {@code user}, {@code mirroring}, {@code migration} or {@code removing}
 */
public record RbdTrashView(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("pool") String pool,
        @JsonProperty("source") String source,
        @JsonProperty("deleted_at") String deletedAt,
        @JsonProperty("deferred_until") String deferredUntil) {
}
