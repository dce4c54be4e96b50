package io.loligo.cluster.rest;

import io.loligo.cluster.listing.MemoryListing;
import io.loligo.cluster.rgw.ObjectGateway;
import io.loligo.cluster.rgw.RgwListing;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.RgwApi;
import io.loligo.contracts.api.RgwViews;
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
    public Page<RgwViews.User> rgwUsers(String fsid, String search, String ordering, String page, String pageSize) {
        MemoryListing<RgwViews.User> listing = new MemoryListing<>(RgwListing.USERS, search, ordering, page, pageSize);
        return gateway.catalog(fsid).users().page(listing);
    }

    @Override
    public RgwViews.User rgwUser(String fsid, String uid) {
        return gateway.user(fsid, uid);
    }

    @Override
    public RgwViews.CreatedUser createRgwUser(String fsid, RgwViews.UserForm user) {
        return gateway.createUser(fsid, user);
    }

    @Override
    public RgwViews.User updateRgwUser(String fsid, String uid, RgwViews.UserForm changes) {
        return gateway.updateUser(fsid, uid, changes);
    }

    @Override
    public void deleteRgwUser(String fsid, String uid, String purgeData) {
        boolean purge = flag("purge_data", purgeData);
        gateway.deleteUser(fsid, uid, purge);
    }

    @Override
    public RgwViews.Key createRgwKey(String fsid, String uid) {
        return gateway.createKey(fsid, uid);
    }

    @Override
    public void deleteRgwKey(String fsid, String uid, String accessKey) {
        gateway.deleteKey(fsid, uid, accessKey);
    }

    @Override
    public RgwViews.User createRgwSubuser(String fsid, String uid, RgwViews.SubuserForm subuser) {
        return gateway.createSubuser(fsid, uid, subuser);
    }

    @Override
    public void deleteRgwSubuser(String fsid, String uid, String name) {
        gateway.deleteSubuser(fsid, uid, name);
    }

    @Override
    public RgwViews.User setRgwUserQuota(String fsid, String uid, String scope, RgwViews.Quota quota) {
        return gateway.userQuota(fsid, uid, scope, quota);
    }

    @Override
    public Page<RgwViews.Bucket> rgwBuckets(String fsid, String owner, String search, String ordering, String page, String pageSize) {
        MemoryListing<RgwViews.Bucket> listing = new MemoryListing<>(RgwListing.BUCKETS, search, ordering, page, pageSize)
                .filtered("owner", owner, bucket -> bucket.owner().equals(owner));
        return gateway.catalog(fsid).buckets().page(listing);
    }

    @Override
    public RgwViews.Bucket rgwBucket(String fsid, String bucket) {
        return gateway.bucket(fsid, bucket);
    }

    @Override
    public RgwViews.Bucket updateRgwBucket(String fsid, String bucket, RgwViews.BucketForm changes) {
        return gateway.updateBucket(fsid, bucket, changes);
    }

    @Override
    public RgwViews.Bucket setRgwBucketQuota(String fsid, String bucket, RgwViews.Quota quota) {
        return gateway.bucketQuota(fsid, bucket, quota);
    }

    @Override
    public void deleteRgwBucket(String fsid, String bucket, String purgeObjects) {
        boolean purge = flag("purge_objects", purgeObjects);
        gateway.deleteBucket(fsid, bucket, purge);
    }

    /** @throws ApiException 400 naming the parameter when it is not true or false */
    private static boolean flag(String name, String value) {
        List<FieldError> errors = new ArrayList<>();
        Boolean parsed = QueryValues.bool(name, value, errors);
        ApiException.refuseIfAny(errors);
        return Boolean.TRUE.equals(parsed);
    }
}
