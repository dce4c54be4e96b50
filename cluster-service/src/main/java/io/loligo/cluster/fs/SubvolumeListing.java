package io.loligo.cluster.fs;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.contracts.api.SubvolumeViews.Subvolume;

import java.util.Map;

/** What a volume's subvolumes are searched and ordered by; those without a group, quota or date last. */
public final class SubvolumeListing {
    public static final MemoryListing.Fields<Subvolume> FIELDS = new MemoryListing.Fields<>(Subvolume::name, Map.of(
            "name", Subvolume::name,
            "group", Subvolume::group,
            "bytes_quota", Subvolume::bytesQuota,
            "bytes_used", Subvolume::bytesUsed,
            "created_at", Subvolume::createdAt));

    private SubvolumeListing() {
    }
}
