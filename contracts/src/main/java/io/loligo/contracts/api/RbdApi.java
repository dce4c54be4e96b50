package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * RBD images, read live through librbd by an agent: they move with every client's write, not with the maps.
 * Query values are taken as text so that a bad one is answered with a 400 naming it. Each change is a request
 * ({@code 202}); the long ones (flatten, copy, rollback, removal, shrinking) show their progress as its phase.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface RbdApi {

    /**
     * One page of a pool's images.
     *
     * @param search a substring of the name
     * @param ordering a field, {@code -} first for descending: name (the default), size, used_bytes, snapshot_count,
     *                 watchers, created_at
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/image")
    Page<RbdImageView> rbdImages(@PathParam("fsid") String fsid, @PathParam("pool") String pool,
                                 @QueryParam("search") String search, @QueryParam("ordering") String ordering,
                                 @QueryParam("page") String page, @QueryParam("page_size") String pageSize);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}")
    RbdImageView rbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name);

    /** Creates an image: {@code 202} with the request, {@code 409} when the name is taken. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, RbdForms.Image image);

    /** Renames or resizes an image: {@code 202} with the request, or {@code 304} when it already is as asked. */
    @PATCH
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                            RbdForms.Image changes);

    /** Removes an image and its data: {@code 409} while it has snapshots or clients. */
    @DELETE
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}")
    Response deleteRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name);

    /** Copies a clone's data from its parent, so that it no longer needs the parent's snapshot. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/flatten")
    Response flattenRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name);

    /** Copies the image, data and all, to a new image. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    Response copyRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                          RbdForms.Target target);

    /** Moves the image to its pool's trash, from where it can be restored until it is purged. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/trash")
    Response trashRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/trash")
    List<RbdTrashView> rbdTrash(@PathParam("fsid") String fsid, @PathParam("pool") String pool);

    @POST
    @Path("/cluster/{fsid}/pool/{pool}/trash/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    Response restoreRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("id") String id,
                             RbdForms.Restore restore);

    /** Removes an image in the trash, and its data, for good. */
    @DELETE
    @Path("/cluster/{fsid}/pool/{pool}/trash/{id}")
    Response purgeRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("id") String id);

    /** Takes a snapshot, protected at once when asked. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createRbdSnapshot(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                               RbdForms.Snapshot snapshot);

    /** Renames, protects or unprotects a snapshot. */
    @PATCH
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateRbdSnapshot(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                               @PathParam("snapshot") String snapshot, RbdForms.Snapshot changes);

    /** Removes a snapshot: {@code 409} while it is protected. */
    @DELETE
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}")
    Response deleteRbdSnapshot(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                               @PathParam("snapshot") String snapshot);

    /** Writes the snapshot's data back over the image, discarding what was written since. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}/rollback")
    Response rollbackRbdImage(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                              @PathParam("snapshot") String snapshot);

    /** Makes a new image from a protected snapshot, sharing its data until the clone is flattened. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/image/{name}/snapshot/{snapshot}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cloneRbdSnapshot(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("name") String name,
                              @PathParam("snapshot") String snapshot, RbdForms.Target target);
}
