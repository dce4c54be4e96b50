package io.loligo.cluster.rgw;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.contracts.api.RgwViews;

import java.util.Map;

/** What an RGW's users and buckets are searched and ordered by. */
public final class RgwListing {
    public static final MemoryListing.Fields<RgwViews.RgwUser> USERS = new MemoryListing.Fields<>(RgwViews.RgwUser::userId, Map.of(
            "user_id", RgwViews.RgwUser::userId,
            "display_name", RgwViews.RgwUser::displayName,
            "bucket_count", RgwViews.RgwUser::bucketCount,
            "objects", RgwViews.RgwUser::objects,
            "size_bytes", RgwViews.RgwUser::sizeBytes));
    public static final MemoryListing.Fields<RgwViews.RgwBucket> BUCKETS = new MemoryListing.Fields<>(RgwViews.RgwBucket::name, Map.of(
            "name", RgwViews.RgwBucket::name,
            "owner", RgwViews.RgwBucket::owner,
            "objects", RgwViews.RgwBucket::objects,
            "size_bytes", RgwViews.RgwBucket::sizeBytes,
            "created_at", RgwViews.RgwBucket::createdAt));

    private RgwListing() {
    }
}
