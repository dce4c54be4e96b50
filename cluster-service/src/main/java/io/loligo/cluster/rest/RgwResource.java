package io.loligo.cluster.rest;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.cluster.rgw.ObjectGateway;
import io.loligo.cluster.rgw.RgwListing;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.RgwApi;
import io.loligo.contracts.api.RgwViews;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.ArrayList;
import java.util.List;

/** Each call's cluster is checked by {@link ObjectGateway}'s Admin Ops client, before RGW is asked. */
@Path("/internal/v2")
public class RgwResource implements RgwApi {
    @Inject
    ObjectGateway gateway;

    @Override
    public Page<RgwViews.RgwUser> rgwUsers(String fsid, String search, String ordering, String page, String pageSize) {
        MemoryListing<RgwViews.RgwUser> listing = new MemoryListing<>(RgwListing.USERS, search, ordering, page, pageSize);
        return gateway.catalog(fsid).users().page(listing);
    }

    @Override
    public RgwViews.RgwUser rgwUser(String fsid, String uid) {
        return gateway.user(fsid, uid);
    }

    @Override
    public RgwViews.RgwCreatedUser createRgwUser(String fsid, RgwViews.RgwUserForm user) {
        return gateway.createUser(fsid, user);
    }

    @Override
    public RgwViews.RgwUser updateRgwUser(String fsid, String uid, RgwViews.RgwUserForm changes) {
        return gateway.updateUser(fsid, uid, changes);
    }

    @Override
    public void deleteRgwUser(String fsid, String uid, String purgeData) {
        boolean purge = flag("purge_data", purgeData);
        gateway.deleteUser(fsid, uid, purge);
    }

    @Override
    public RgwViews.RgwKey createRgwKey(String fsid, String uid) {
        return gateway.createKey(fsid, uid);
    }

    @Override
    public void deleteRgwKey(String fsid, String uid, String accessKey) {
        gateway.deleteKey(fsid, uid, accessKey);
    }

    @Override
    public RgwViews.RgwUser createRgwSubuser(String fsid, String uid, RgwViews.RgwSubuserForm subuser) {
        return gateway.createSubuser(fsid, uid, subuser);
    }

    @Override
    public void deleteRgwSubuser(String fsid, String uid, String name) {
        gateway.deleteSubuser(fsid, uid, name);
    }

    @Override
    public RgwViews.RgwUser setRgwUserQuota(String fsid, String uid, String scope, RgwViews.RgwQuota quota) {
        return gateway.userQuota(fsid, uid, scope, quota);
    }

    @Override
    public Page<RgwViews.RgwBucket> rgwBuckets(String fsid, String owner, String search, String ordering, String page, String pageSize) {
        MemoryListing<RgwViews.RgwBucket> listing = new MemoryListing<>(RgwListing.BUCKETS, search, ordering, page, pageSize)
                .filtered("owner", owner, bucket -> bucket.owner().equals(owner));
        return gateway.catalog(fsid).buckets().page(listing);
    }

    @Override
    public RgwViews.RgwBucket rgwBucket(String fsid, String bucket) {
        return gateway.bucket(fsid, bucket);
    }

    @Override
    public RgwViews.RgwBucket updateRgwBucket(String fsid, String bucket, RgwViews.RgwBucketForm changes) {
        return gateway.updateBucket(fsid, bucket, changes);
    }

    @Override
    public RgwViews.RgwBucket setRgwBucketQuota(String fsid, String bucket, RgwViews.RgwQuota quota) {
        return gateway.bucketQuota(fsid, bucket, quota);
    }

    @Override
    public void deleteRgwBucket(String fsid, String bucket, String purgeObjects) {
        boolean purge = flag("purge_objects", purgeObjects);
        gateway.deleteBucket(fsid, bucket, purge);
    }

    /** @throws InvalidInput naming the parameter when it is not true or false */
    private static boolean flag(String name, String value) {
        List<FieldError> errors = new ArrayList<>();
        Boolean parsed = QueryValues.bool(name, value, errors);
        InvalidInput.refuseIfAny(errors);
        return Boolean.TRUE.equals(parsed);
    }
}
