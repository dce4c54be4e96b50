package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RgwApi;
import io.loligo.contracts.api.RgwViews;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The RGW's users and buckets for any logged-in user, changed by operators, through cluster-service. */
@Path(ApiPaths.V3)
public class RgwResource implements RgwApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public Page<RgwViews.RgwUser> rgwUsers(String fsid, String search, String ordering, String page, String pageSize) {
        return clusterService.rgwUsers(fsid, search, ordering, page, pageSize);
    }

    @Override
    public RgwViews.RgwUser rgwUser(String fsid, String uid) {
        return clusterService.rgwUser(fsid, uid);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwCreatedUser createRgwUser(String fsid, RgwViews.RgwUserForm user) {
        return clusterService.createRgwUser(fsid, user);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwUser updateRgwUser(String fsid, String uid, RgwViews.RgwUserForm changes) {
        return clusterService.updateRgwUser(fsid, uid, changes);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public void deleteRgwUser(String fsid, String uid, String purgeData) {
        clusterService.deleteRgwUser(fsid, uid, purgeData);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwKey createRgwKey(String fsid, String uid) {
        return clusterService.createRgwKey(fsid, uid);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public void deleteRgwKey(String fsid, String uid, String accessKey) {
        clusterService.deleteRgwKey(fsid, uid, accessKey);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwUser createRgwSubuser(String fsid, String uid, RgwViews.RgwSubuserForm subuser) {
        return clusterService.createRgwSubuser(fsid, uid, subuser);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public void deleteRgwSubuser(String fsid, String uid, String name) {
        clusterService.deleteRgwSubuser(fsid, uid, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwUser setRgwUserQuota(String fsid, String uid, String scope, RgwViews.RgwQuota quota) {
        return clusterService.setRgwUserQuota(fsid, uid, scope, quota);
    }

    @Override
    public Page<RgwViews.RgwBucket> rgwBuckets(String fsid, String owner, String search, String ordering, String page, String pageSize) {
        return clusterService.rgwBuckets(fsid, owner, search, ordering, page, pageSize);
    }

    @Override
    public RgwViews.RgwBucket rgwBucket(String fsid, String bucket) {
        return clusterService.rgwBucket(fsid, bucket);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwBucket updateRgwBucket(String fsid, String bucket, RgwViews.RgwBucketForm changes) {
        return clusterService.updateRgwBucket(fsid, bucket, changes);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RgwViews.RgwBucket setRgwBucketQuota(String fsid, String bucket, RgwViews.RgwQuota quota) {
        return clusterService.setRgwBucketQuota(fsid, bucket, quota);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public void deleteRgwBucket(String fsid, String bucket, String purgeObjects) {
        clusterService.deleteRgwBucket(fsid, bucket, purgeObjects);
    }
}
