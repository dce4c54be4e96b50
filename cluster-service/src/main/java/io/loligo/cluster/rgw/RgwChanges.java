package io.loligo.cluster.rgw;

import io.loligo.cluster.rgw.AdminOps.Call;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.RgwViews;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import software.amazon.awssdk.http.SdkHttpMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Admin Ops calls that make a change to an RGW's users and buckets, once the form is checked against what RGW
 * holds: every bad field is named in one 400 before RGW is asked. Pure.
 */
public final class RgwChanges {
    /** RGW takes more, but {@code $} names a tenant, {@code :} a subuser and {@code /} breaks paths. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Set<String> PERMISSIONS = Set.of("read", "write", "readwrite", "full");
    private static final Set<String> QUOTA_SCOPES = Set.of("user", "bucket");
    private static final String ID_RULE = "must be 1 to 64 letters, digits or _ . @ + -, beginning with a letter or digit";

    private RgwChanges() {
    }

    /**
     * What RGW holds now, as the changes need it.
     *
     * @param ownAccessKey the key Loligo signs with: its user is not changed through Loligo
     */
    public record Gateway(List<String> userIds, String ownAccessKey) {
    }

    public static Call createUser(Gateway gateway, RgwViews.RgwUserForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null || form.userId() == null) {
            errors.add(new FieldError("user_id", "is required"));
        } else if (!ID.matcher(form.userId()).matches()) {
            errors.add(new FieldError("user_id", ID_RULE));
        }
        if (form == null || form.displayName() == null || form.displayName().isBlank()) {
            errors.add(new FieldError("display_name", "is required"));
        }
        if (form != null) {
            checkDetails(form, errors);
        }
        InvalidInput.refuseIfAny(errors);
        if (gateway.userIds().contains(form.userId())) {
            throw new Conflict("UserExists", "user '" + form.userId() + "' exists",
                    List.of(new FieldError("user_id", "is taken")));
        }
        Map<String, String> query = query("uid", form.userId());
        query.put("display-name", form.displayName().strip());
        details(form, query);
        return new Call(SdkHttpMethod.PUT, "user", query);
    }

    /** @return no call when the user already is as asked */
    public static List<Call> updateUser(Gateway gateway, RgwViews.RgwUser user, RgwViews.RgwUserForm changes) {
        List<FieldError> errors = new ArrayList<>();
        if (changes == null) {
            throw InvalidInput.of("body", "is required");
        }
        if (changes.userId() != null && !changes.userId().equals(user.userId())) {
            errors.add(new FieldError("user_id", "cannot be changed"));
        }
        if (changes.displayName() != null && changes.displayName().isBlank()) {
            errors.add(new FieldError("display_name", "must not be blank"));
        }
        checkDetails(changes, errors);
        InvalidInput.refuseIfAny(errors);
        if (Boolean.TRUE.equals(changes.suspended())) {
            refuseOwn(gateway, user, "suspended");
        }
        Map<String, String> query = query("uid", user.userId());
        if (changes.displayName() != null && !changes.displayName().strip().equals(user.displayName())) {
            query.put("display-name", changes.displayName().strip());
        }
        if (changes.email() != null && !changes.email().equals(Objects.toString(user.email(), ""))) {
            query.put("email", changes.email());
        }
        if (changes.maxBuckets() != null && changes.maxBuckets() != user.maxBuckets()) {
            query.put("max-buckets", changes.maxBuckets().toString());
        }
        if (changes.suspended() != null && changes.suspended() != user.suspended()) {
            query.put("suspended", changes.suspended() ? "1" : "0");
        }
        return query.size() == 1 ? List.of() : List.of(new Call(SdkHttpMethod.POST, "user", query));
    }

    /** @param purgeData whether the user's buckets and objects go too; without it, a user with buckets stays */
    public static Call deleteUser(Gateway gateway, RgwViews.RgwUser user, boolean purgeData) {
        refuseOwn(gateway, user, "removed");
        if (user.bucketCount() > 0 && !purgeData) {
            throw new Conflict("UserHasBuckets", "user '" + user.userId() + "' owns " + user.bucketCount()
                    + " bucket(s): remove them first, or remove the user with purge_data=true");
        }
        Map<String, String> query = query("uid", user.userId());
        query.put("purge-data", Boolean.toString(purgeData));
        return new Call(SdkHttpMethod.DELETE, "user", query);
    }

    public static Call createKey(RgwViews.RgwUser user) {
        Map<String, String> query = query("key", "");
        query.put("uid", user.userId());
        query.put("key-type", "s3");
        query.put("generate-key", "true");
        return new Call(SdkHttpMethod.PUT, "user", query);
    }

    public static Call deleteKey(Gateway gateway, RgwViews.RgwUser user, String accessKey) {
        if (user.keys().stream().noneMatch(key -> key.accessKey().equals(accessKey))) {
            throw new NotFound("Key", "user '" + user.userId() + "' has no key " + accessKey);
        }
        if (accessKey.equals(gateway.ownAccessKey())) {
            throw new Conflict("LoligoOwnKey", "Loligo signs its calls to the object gateway with key " + accessKey
                    + "; revoking it would cut Loligo off");
        }
        Map<String, String> query = query("key", "");
        query.put("uid", user.userId());
        query.put("access-key", accessKey);
        query.put("key-type", "s3");
        return new Call(SdkHttpMethod.DELETE, "user", query);
    }

    public static Call createSubuser(RgwViews.RgwUser user, RgwViews.RgwSubuserForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null || form.name() == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (!ID.matcher(form.name()).matches()) {
            errors.add(new FieldError("name", ID_RULE));
        }
        if (form == null || form.permissions() == null || !PERMISSIONS.contains(form.permissions())) {
            errors.add(new FieldError("permissions", "must be one of " + PERMISSIONS.stream().sorted().toList()));
        }
        InvalidInput.refuseIfAny(errors);
        String id = user.userId() + ":" + form.name();
        if (user.subusers().stream().anyMatch(subuser -> subuser.id().equals(id))) {
            throw new Conflict("SubuserExists", "user '" + user.userId() + "' has a subuser " + form.name(),
                    List.of(new FieldError("name", "is taken")));
        }
        Map<String, String> query = query("subuser", id);
        query.put("uid", user.userId());
        query.put("access", form.permissions());
        return new Call(SdkHttpMethod.PUT, "user", query);
    }

    public static Call deleteSubuser(RgwViews.RgwUser user, String name) {
        String id = user.userId() + ":" + name;
        if (user.subusers().stream().noneMatch(subuser -> subuser.id().equals(id))) {
            throw new NotFound("Subuser", "user '" + user.userId() + "' has no subuser " + name + "; it has "
                    + user.subusers().stream().map(RgwViews.RgwSubuser::id).toList());
        }
        Map<String, String> query = query("subuser", id);
        query.put("uid", user.userId());
        query.put("purge-keys", "true");
        return new Call(SdkHttpMethod.DELETE, "user", query);
    }

    /** @param scope {@code user} for all the user stores, {@code bucket} for each of its buckets */
    public static Call userQuota(RgwViews.RgwUser user, String scope, RgwViews.RgwQuota quota) {
        List<FieldError> errors = new ArrayList<>();
        if (!QUOTA_SCOPES.contains(scope)) {
            errors.add(new FieldError("scope", "must be user or bucket"));
        }
        checkQuota(quota, errors);
        InvalidInput.refuseIfAny(errors);
        Map<String, String> query = query("quota", "");
        query.put("uid", user.userId());
        query.put("quota-type", scope);
        limits(quota, query, "max-size", 1);
        return new Call(SdkHttpMethod.PUT, "user", query);
    }

    /** @return no call when the bucket already is the owner's */
    public static List<Call> changeOwner(Gateway gateway, RgwViews.RgwBucket bucket, RgwViews.RgwBucketForm changes) {
        if (changes == null || changes.owner() == null) {
            throw InvalidInput.of("owner", "is required");
        }
        if (!gateway.userIds().contains(changes.owner())) {
            throw InvalidInput.of("owner", "no user '" + changes.owner() + "'");
        }
        if (changes.owner().equals(bucket.owner())) {
            return List.of();
        }
        Map<String, String> query = query("bucket", bucket.name());
        query.put("bucket-id", bucket.instanceId());
        query.put("uid", changes.owner());
        return List.of(new Call(SdkHttpMethod.PUT, "bucket", query));
    }

    public static Call bucketQuota(RgwViews.RgwBucket bucket, RgwViews.RgwQuota quota) {
        List<FieldError> errors = new ArrayList<>();
        checkQuota(quota, errors);
        InvalidInput.refuseIfAny(errors);
        Map<String, String> query = query("quota", "");
        query.put("uid", bucket.owner());
        query.put("bucket", bucket.name());
        // the bucket quota's call takes its size in KiB only; no limit is then stored as -1024, which RGW reads as none
        limits(quota, query, "max-size-kb", 1024);
        return new Call(SdkHttpMethod.PUT, "bucket", query);
    }

    /** @param purgeObjects whether the bucket's objects go too; without it, a bucket with objects stays */
    public static Call deleteBucket(RgwViews.RgwBucket bucket, boolean purgeObjects) {
        if (bucket.objects() > 0 && !purgeObjects) {
            throw new Conflict("BucketNotEmpty", "bucket '" + bucket.name() + "' holds " + bucket.objects()
                    + " object(s): remove them first, or remove the bucket with purge_objects=true");
        }
        Map<String, String> query = query("bucket", bucket.name());
        query.put("purge-objects", Boolean.toString(purgeObjects));
        return new Call(SdkHttpMethod.DELETE, "bucket", query);
    }

    private static void checkDetails(RgwViews.RgwUserForm form, List<FieldError> errors) {
        if (form.email() != null && !form.email().isEmpty() && !EMAIL.matcher(form.email()).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        if (form.maxBuckets() != null && form.maxBuckets() < -1) {
            errors.add(new FieldError("max_buckets", "must be 0 for no limit, -1 for no buckets, or a limit"));
        }
    }

    private static void details(RgwViews.RgwUserForm form, Map<String, String> query) {
        if (form.email() != null && !form.email().isEmpty()) {
            query.put("email", form.email());
        }
        if (form.maxBuckets() != null) {
            query.put("max-buckets", form.maxBuckets().toString());
        }
        if (form.suspended() != null) {
            query.put("suspended", form.suspended() ? "1" : "0");
        }
    }

    private static void checkQuota(RgwViews.RgwQuota quota, List<FieldError> errors) {
        if (quota == null) {
            errors.add(new FieldError("body", "is required"));
            return;
        }
        if (quota.maxSize() != null && quota.maxSize() < 0) {
            errors.add(new FieldError("max_size", "must be 0 or more bytes; leave it out for no limit"));
        }
        if (quota.maxObjects() != null && quota.maxObjects() < 0) {
            errors.add(new FieldError("max_objects", "must be 0 or more; leave it out for no limit"));
        }
    }

    /**
     * A quota left enabled unless it says otherwise, with -1 for each limit left out, as RGW writes "none".
     *
     * @param sizeUnit bytes per unit of {@code sizeParameter}: a size is rounded up to whole units
     */
    private static void limits(RgwViews.RgwQuota quota, Map<String, String> query, String sizeParameter, long sizeUnit) {
        query.put("enabled", Boolean.toString(quota.enabled() == null || quota.enabled()));
        query.put(sizeParameter, Long.toString(quota.maxSize() == null ? -1 : (quota.maxSize() + sizeUnit - 1) / sizeUnit));
        query.put("max-objects", Long.toString(quota.maxObjects() == null ? -1 : quota.maxObjects()));
    }

    private static void refuseOwn(Gateway gateway, RgwViews.RgwUser user, String done) {
        if (user.keys().stream().anyMatch(key -> key.accessKey().equals(gateway.ownAccessKey()))) {
            throw new Conflict("LoligoOwnUser", "Loligo manages the object gateway as user '" + user.userId()
                    + "'; it cannot be " + done + " through Loligo");
        }
    }

    private static Map<String, String> query(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put(name, value);
        return query;
    }
}
