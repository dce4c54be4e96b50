package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The users and buckets of a cluster's object gateway (RGW), through its Admin Ops API. Each change is made while
 * the caller waits and answers with what RGW then holds; RGW's own refusals come back as problems with its reason.
 * Query values are taken as text so that a bad one is answered with a 400 naming it.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface RgwApi {

    /**
     * One page of the RGW's users.
     *
     * @param search a substring of the user id
     * @param ordering a field, {@code -} first for descending: user_id (the default), display_name, bucket_count,
     *                 objects, size_bytes
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/rgw/user")
    Page<RgwViews.RgwUser> rgwUsers(@PathParam("fsid") String fsid, @QueryParam("search") String search,
                                 @QueryParam("ordering") String ordering, @QueryParam("page") String page,
                                 @QueryParam("page_size") String pageSize);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/rgw/user/{uid}")
    RgwViews.RgwUser rgwUser(@PathParam("fsid") String fsid, @PathParam("uid") String uid);

    /** Creates a user with an S3 key: the answer is the only one that shows the key's secret. */
    @POST
    @Path("/cluster/{fsid}/rgw/user")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwCreatedUser createRgwUser(@PathParam("fsid") String fsid, RgwViews.RgwUserForm user);

    /** Changes a user's display name, e-mail, bucket limit, or suspends it ({@code suspended}) and enables it again. */
    @PATCH
    @Path("/cluster/{fsid}/rgw/user/{uid}")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwUser updateRgwUser(@PathParam("fsid") String fsid, @PathParam("uid") String uid, RgwViews.RgwUserForm changes);

    /**
     * Removes a user: {@code 409} while it owns buckets, unless {@code purge_data} is true, which removes its
     * buckets and their objects too.
     */
    @DELETE
    @Path("/cluster/{fsid}/rgw/user/{uid}")
    void deleteRgwUser(@PathParam("fsid") String fsid, @PathParam("uid") String uid, @QueryParam("purge_data") String purgeData);

    /** Makes a new S3 key for the user: the answer is the only one that shows its secret. */
    @POST
    @Path("/cluster/{fsid}/rgw/user/{uid}/key")
    RgwViews.RgwKey createRgwKey(@PathParam("fsid") String fsid, @PathParam("uid") String uid);

    /** Revokes a key: requests signed with it are refused from then on. */
    @DELETE
    @Path("/cluster/{fsid}/rgw/user/{uid}/key/{access_key}")
    void deleteRgwKey(@PathParam("fsid") String fsid, @PathParam("uid") String uid, @PathParam("access_key") String accessKey);

    @POST
    @Path("/cluster/{fsid}/rgw/user/{uid}/subuser")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwUser createRgwSubuser(@PathParam("fsid") String fsid, @PathParam("uid") String uid, RgwViews.RgwSubuserForm subuser);

    /** Removes a subuser with its keys. */
    @DELETE
    @Path("/cluster/{fsid}/rgw/user/{uid}/subuser/{name}")
    void deleteRgwSubuser(@PathParam("fsid") String fsid, @PathParam("uid") String uid, @PathParam("name") String name);

    /**
     * Sets the user's quota: {@code scope} {@code user} for all it stores, {@code bucket} for each of its buckets.
     * A limit left out is lifted.
     */
    @PUT
    @Path("/cluster/{fsid}/rgw/user/{uid}/quota/{scope}")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwUser setRgwUserQuota(@PathParam("fsid") String fsid, @PathParam("uid") String uid, @PathParam("scope") String scope,
                                  RgwViews.RgwQuota quota);

    /**
     * One page of the RGW's buckets with their owner, usage and quota.
     *
     * @param owner only this user's buckets
     * @param ordering a field, {@code -} first for descending: name (the default), owner, objects, size_bytes,
     *                 created_at
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/rgw/bucket")
    Page<RgwViews.RgwBucket> rgwBuckets(@PathParam("fsid") String fsid, @QueryParam("owner") String owner,
                                     @QueryParam("search") String search, @QueryParam("ordering") String ordering,
                                     @QueryParam("page") String page, @QueryParam("page_size") String pageSize);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/rgw/bucket/{bucket}")
    RgwViews.RgwBucket rgwBucket(@PathParam("fsid") String fsid, @PathParam("bucket") String bucket);

    /** Gives the bucket to another user. */
    @PATCH
    @Path("/cluster/{fsid}/rgw/bucket/{bucket}")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwBucket updateRgwBucket(@PathParam("fsid") String fsid, @PathParam("bucket") String bucket, RgwViews.RgwBucketForm changes);

    /** Sets the bucket's quota; a limit left out is lifted, and RGW keeps a bucket's {@code max_size} in whole KiB. */
    @PUT
    @Path("/cluster/{fsid}/rgw/bucket/{bucket}/quota")
    @Consumes(MediaType.APPLICATION_JSON)
    RgwViews.RgwBucket setRgwBucketQuota(@PathParam("fsid") String fsid, @PathParam("bucket") String bucket, RgwViews.RgwQuota quota);

    /**
     * Removes a bucket: {@code 409} while it holds objects, unless {@code purge_objects} is true, which removes them
     * first.
     */
    @DELETE
    @Path("/cluster/{fsid}/rgw/bucket/{bucket}")
    void deleteRgwBucket(@PathParam("fsid") String fsid, @PathParam("bucket") String bucket,
                         @QueryParam("purge_objects") String purgeObjects);
}
