package io.loligo.cluster.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.RgwViews;

import java.util.ArrayList;
import java.util.List;

/** Views of what RGW's Admin Ops API answers. Pure. */
final class RgwJson {
    private RgwJson() {
    }

    /** A user from {@code GET /admin/user?uid=U}, with the buckets it owns for its usage. */
    static RgwViews.RgwUser user(JsonNode info, List<RgwViews.RgwBucket> owned) {
        List<RgwViews.RgwKey> keys = new ArrayList<>();
        info.path("keys").forEach(key -> keys.add(new RgwViews.RgwKey(key.path("user").asText(), key.path("access_key").asText(), null)));
        List<RgwViews.RgwSubuser> subusers = new ArrayList<>();
        info.path("subusers").forEach(subuser -> subusers.add(new RgwViews.RgwSubuser(subuser.path("id").asText(),
                permissions(subuser.path("permissions").asText()))));
        String email = info.path("email").asText("");
        return new RgwViews.RgwUser(info.path("user_id").asText(), info.path("display_name").asText(), email.isEmpty() ? null : email,
                info.path("suspended").asInt() != 0, info.path("max_buckets").asInt(), owned.size(),
                owned.stream().mapToLong(RgwViews.RgwBucket::objects).sum(), owned.stream().mapToLong(RgwViews.RgwBucket::sizeBytes).sum(),
                List.copyOf(keys), List.copyOf(subusers), quota(info.path("user_quota")), quota(info.path("bucket_quota")));
    }

    /** The key a user's key list gained, with its secret: RGW answers a new key with all of the user's keys. */
    static RgwViews.RgwKey newKey(JsonNode keysBefore, JsonNode keysAfter) {
        List<String> before = new ArrayList<>();
        keysBefore.forEach(key -> before.add(key.path("access_key").asText()));
        for (JsonNode key : keysAfter) {
            if (!before.contains(key.path("access_key").asText())) {
                return new RgwViews.RgwKey(key.path("user").asText(), key.path("access_key").asText(), key.path("secret_key").asText());
            }
        }
        throw new IllegalStateException("RGW answered a new key without one it had not listed before");
    }

    /** A bucket from {@code GET /admin/bucket?stats=true}: an empty bucket has no usage entries at all. */
    static RgwViews.RgwBucket bucket(JsonNode stats) {
        JsonNode main = stats.path("usage").path("rgw.main");
        return new RgwViews.RgwBucket(stats.path("bucket").asText(), stats.path("id").asText(), stats.path("owner").asText(),
                stats.path("creation_time").asText(null), stats.path("num_shards").asInt(), main.path("num_objects").asLong(),
                main.path("size").asLong(), main.path("size_actual").asLong(), quota(stats.path("bucket_quota")));
    }

    /** RGW writes "no limit" as a negative number. */
    static RgwViews.RgwQuota quota(JsonNode quota) {
        long maxSize = quota.path("max_size").asLong(-1);
        long maxObjects = quota.path("max_objects").asLong(-1);
        return new RgwViews.RgwQuota(quota.path("enabled").asBoolean(), maxSize < 0 ? null : maxSize, maxObjects < 0 ? null : maxObjects);
    }

    /** As the Admin Ops API takes them, not as it shows them ({@code read-write}, {@code full-control}). */
    static String permissions(String shown) {
        return switch (shown) {
            case "read-write" -> "readwrite";
            case "full-control" -> "full";
            case "<none>" -> "none";
            default -> shown;
        };
    }
}
