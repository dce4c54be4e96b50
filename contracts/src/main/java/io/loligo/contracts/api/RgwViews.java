package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** An RGW's users and buckets, as its Admin Ops API describes them, and their forms. */
public final class RgwViews {
    private RgwViews() {
    }

    /**
     * A user's or a bucket's quota.
     *
     * @param maxSize bytes; null when unlimited
     * @param maxObjects null when unlimited
     */
    public record RgwQuota(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("max_size") Long maxSize,
            @JsonProperty("max_objects") Long maxObjects) {
    }

    /**
     * An S3 key.
     *
     * @param user the user, or {@code user:subuser} for a subuser's key
     * @param secretKey given only in the answer that made the key
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RgwKey(
            @JsonProperty("user") String user,
            @JsonProperty("access_key") String accessKey,
            @JsonProperty("secret_key") String secretKey) {
    }

    /**
     * @param id {@code user:name}
     * @param permissions read, write, readwrite or full
     */
    public record RgwSubuser(@JsonProperty("id") String id, @JsonProperty("permissions") String permissions) {
    }

    /**
     * @param maxBuckets 0 for no limit, -1 when the user may create none
     * @param bucketCount the buckets the user owns
     * @param sizeBytes what the user's buckets hold, as RGW counts it now
     * @param keys access keys, without their secrets
     */
    public record RgwUser(
            @JsonProperty("user_id") String userId,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("email") String email,
            @JsonProperty("suspended") boolean suspended,
            @JsonProperty("max_buckets") int maxBuckets,
            @JsonProperty("bucket_count") int bucketCount,
            @JsonProperty("objects") long objects,
            @JsonProperty("size_bytes") long sizeBytes,
            @JsonProperty("keys") List<RgwKey> keys,
            @JsonProperty("subusers") List<RgwSubuser> subusers,
            @JsonProperty("user_quota") RgwQuota userQuota,
            @JsonProperty("bucket_quota") RgwQuota bucketQuota) {
    }

    /**
     * A new user ({@code user_id} and {@code display_name} needed), or the fields of one to change.
     *
     * @param maxBuckets 0 for no limit, -1 to allow none
     */
    public record RgwUserForm(
            @JsonProperty("user_id") String userId,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("email") String email,
            @JsonProperty("max_buckets") Integer maxBuckets,
            @JsonProperty("suspended") Boolean suspended) {
    }

    /** A new user with the key RGW made for it, its secret included: the only answer that shows it. */
    public record RgwCreatedUser(@JsonProperty("user") RgwUser user, @JsonProperty("key") RgwKey key) {
    }

    /**
     * @param name the subuser's name, without its user's
     * @param permissions read, write, readwrite or full
     */
    public record RgwSubuserForm(@JsonProperty("name") String name, @JsonProperty("permissions") String permissions) {
    }

    /**
     * @param name what paths and S3 address it by
     * @param instanceId RGW's id of this instance of the bucket (a new one each time a bucket of the name is made)
     * @param sizeBytes what its objects hold, as RGW counts them now
     * @param sizeActualBytes the same rounded up to whole 4 KiB blocks
     */
    public record RgwBucket(
            @JsonProperty("name") String name,
            @JsonProperty("instance_id") String instanceId,
            @JsonProperty("owner") String owner,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("shards") int shards,
            @JsonProperty("objects") long objects,
            @JsonProperty("size_bytes") long sizeBytes,
            @JsonProperty("size_actual_bytes") long sizeActualBytes,
            @JsonProperty("quota") RgwQuota quota) {
    }

    /** @param owner the user the bucket is given to */
    public record RgwBucketForm(@JsonProperty("owner") String owner) {
    }
}
