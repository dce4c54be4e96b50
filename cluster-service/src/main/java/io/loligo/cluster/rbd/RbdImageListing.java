package io.loligo.cluster.rbd;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.contracts.api.RbdImageView;

import java.util.Map;

/** What a pool's images are searched and ordered by. */
public final class RbdImageListing {
    public static final MemoryListing.Fields<RbdImageView> FIELDS = new MemoryListing.Fields<>(RbdImageView::name, Map.of(
            "name", RbdImageView::name,
            "size", RbdImageView::size,
            "used_bytes", RbdImageView::usedBytes,
            "snapshot_count", RbdImageView::snapshotCount,
            "watchers", RbdImageView::watchers,
            "created_at", RbdImageView::createdAt));

    private RbdImageListing() {
    }
}
