package io.loligo.cluster.rgw;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.contracts.api.RgwViews;

import java.util.Map;

/** What an RGW's users and buckets are searched and ordered by. */
public final class RgwListing {
    public static final MemoryListing.Fields<RgwViews.User> USERS = new MemoryListing.Fields<>(RgwViews.User::userId, Map.of(
            "user_id", RgwViews.User::userId,
            "display_name", RgwViews.User::displayName,
            "bucket_count", RgwViews.User::bucketCount,
            "objects", RgwViews.User::objects,
            "size_bytes", RgwViews.User::sizeBytes));
    public static final MemoryListing.Fields<RgwViews.Bucket> BUCKETS = new MemoryListing.Fields<>(RgwViews.Bucket::name, Map.of(
            "name", RgwViews.Bucket::name,
            "owner", RgwViews.Bucket::owner,
            "objects", RgwViews.Bucket::objects,
            "size_bytes", RgwViews.Bucket::sizeBytes,
            "created_at", RgwViews.Bucket::createdAt));

    private RgwListing() {
    }
}
