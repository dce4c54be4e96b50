package io.loligo.cluster.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.rgw.AdminOps.Call;
import io.loligo.contracts.api.RgwViews;
import io.loligo.contracts.refusal.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cluster's RGW users and buckets, read and changed through the Admin Ops API. The listings come from
 * {@link RgwCatalog}; a single user or bucket is read live, and each change is answered with what RGW holds after it.
 */
@ApplicationScoped
public class ObjectGateway {
    /** How many names a 404 offers instead. */
    private static final int NAMES_OFFERED = 10;

    @Inject
    AdminOps adminOps;
    @Inject
    RgwCatalog catalog;

    public RgwCatalog.Catalog catalog(String fsid) {
        return catalog.catalog(fsid);
    }

    public RgwViews.RgwUser user(String fsid, String uid) {
        JsonNode info = userInfo(fsid, uid);
        return RgwJson.user(info, ownedBuckets(fsid, uid));
    }

    public RgwViews.RgwBucket bucket(String fsid, String name) {
        try {
            return RgwJson.bucket(adminOps.call(fsid, Call.get("bucket", Map.of("bucket", name, "stats", "true"))));
        } catch (NotFound e) {
            throw new NotFound("Bucket", "the object gateway has no bucket '" + name + "'; there are "
                    + catalog(fsid).buckets().views().stream().limit(NAMES_OFFERED).map(RgwViews.RgwBucket::name).toList());
        }
    }

    public RgwViews.RgwCreatedUser createUser(String fsid, RgwViews.RgwUserForm form) {
        JsonNode created = change(fsid, RgwChanges.createUser(gateway(fsid), form));
        JsonNode key = created.path("keys").path(0);
        return new RgwViews.RgwCreatedUser(RgwJson.user(created, List.of()),
                new RgwViews.RgwKey(key.path("user").asText(), key.path("access_key").asText(), key.path("secret_key").asText()));
    }

    public RgwViews.RgwUser updateUser(String fsid, String uid, RgwViews.RgwUserForm changes) {
        RgwChanges.updateUser(gateway(fsid), user(fsid, uid), changes).forEach(call -> change(fsid, call));
        return user(fsid, uid);
    }

    public void deleteUser(String fsid, String uid, boolean purgeData) {
        change(fsid, RgwChanges.deleteUser(gateway(fsid), user(fsid, uid), purgeData));
    }

    public RgwViews.RgwKey createKey(String fsid, String uid) {
        JsonNode before = userInfo(fsid, uid);
        JsonNode keys = change(fsid, RgwChanges.createKey(RgwJson.user(before, List.of())));
        return RgwJson.newKey(before.path("keys"), keys);
    }

    public void deleteKey(String fsid, String uid, String accessKey) {
        change(fsid, RgwChanges.deleteKey(gateway(fsid), user(fsid, uid), accessKey));
    }

    public RgwViews.RgwUser createSubuser(String fsid, String uid, RgwViews.RgwSubuserForm form) {
        change(fsid, RgwChanges.createSubuser(user(fsid, uid), form));
        return user(fsid, uid);
    }

    public void deleteSubuser(String fsid, String uid, String name) {
        change(fsid, RgwChanges.deleteSubuser(user(fsid, uid), name));
    }

    public RgwViews.RgwUser userQuota(String fsid, String uid, String scope, RgwViews.RgwQuota quota) {
        change(fsid, RgwChanges.userQuota(user(fsid, uid), scope, quota));
        return user(fsid, uid);
    }

    public RgwViews.RgwBucket updateBucket(String fsid, String name, RgwViews.RgwBucketForm changes) {
        RgwChanges.changeOwner(gateway(fsid), bucket(fsid, name), changes).forEach(call -> change(fsid, call));
        return bucket(fsid, name);
    }

    public RgwViews.RgwBucket bucketQuota(String fsid, String name, RgwViews.RgwQuota quota) {
        change(fsid, RgwChanges.bucketQuota(bucket(fsid, name), quota));
        return bucket(fsid, name);
    }

    public void deleteBucket(String fsid, String name, boolean purgeObjects) {
        change(fsid, RgwChanges.deleteBucket(bucket(fsid, name), purgeObjects));
    }

    /**
     * Makes the change; whatever RGW answered, the user and bucket it names are read again, and the listings anew,
     * before their next answer.
     */
    private JsonNode change(String fsid, Call call) {
        try {
            return adminOps.call(fsid, call);
        } finally {
            catalog.changed(fsid, named(call, "uid"), named(call, "bucket"));
        }
    }

    private static Set<String> named(Call call, String parameter) {
        String value = call.query().get(parameter);
        return value == null || value.isEmpty() ? Set.of() : Set.of(value);
    }

    private RgwChanges.Gateway gateway(String fsid) {
        List<String> ids = new ArrayList<>();
        adminOps.call(fsid, Call.get("metadata/user", Map.of())).forEach(id -> ids.add(id.asText()));
        return new RgwChanges.Gateway(ids, adminOps.ownAccessKey());
    }

    private JsonNode userInfo(String fsid, String uid) {
        try {
            return adminOps.call(fsid, Call.get("user", Map.of("uid", uid)));
        } catch (NotFound e) {
            throw new NotFound("RgwUser", "the object gateway has no user '" + uid + "'; there are "
                    + catalog(fsid).users().views().stream().limit(NAMES_OFFERED).map(RgwViews.RgwUser::userId).toList());
        }
    }

    private List<RgwViews.RgwBucket> ownedBuckets(String fsid, String uid) {
        List<RgwViews.RgwBucket> owned = new ArrayList<>();
        adminOps.call(fsid, Call.get("bucket", Map.of("uid", uid, "stats", "true"))).forEach(stats -> owned.add(RgwJson.bucket(stats)));
        return owned;
    }
}
