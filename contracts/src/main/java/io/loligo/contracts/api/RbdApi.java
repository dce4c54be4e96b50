package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * RBD images, read live through librbd by an agent: they move with every client's write, not with the maps.
 * Query values are taken as text so that a bad one is answered with a 400 naming it.
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
}
