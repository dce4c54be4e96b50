package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Pools in Calamari's v2 paths and shapes, read from the OSD map. */
@Produces(MediaType.APPLICATION_JSON)
public interface PoolApi {

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool")
    List<PoolView> pools(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool/{id}")
    PoolView pool(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /** Every pool's figures, read from the cluster now. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/stats")
    List<UsageViews.PoolStats> poolStats(@PathParam("fsid") String fsid);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{id}/stats")
    UsageViews.PoolStats poolStatsOf(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /**
     * Creates a pool: {@code 202} with the request, {@code 409} when the name is taken. {@code ?defaults} instead
     * answers the values a new pool gets when the form leaves them out.
     */
    @POST
    @Path("/cluster/{fsid}/pool")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createPool(@PathParam("fsid") String fsid, PoolForm pool);

    /** What a new pool gets when the form leaves a field out (Calamari's {@code GET pool?defaults}). */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool/defaults")
    PoolForm poolDefaults(@PathParam("fsid") String fsid);

    /** Changes a pool: {@code 202} with the request, or {@code 304} when it already is as asked. */
    @PATCH
    @Path("/cluster/{fsid}/pool/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updatePool(@PathParam("fsid") String fsid, @PathParam("id") String id, PoolForm changes);

    /**
     * What the change a {@code PATCH} of the pool with this body would make would move, before it is made: computed by
     * an agent with Ceph's crushtool on the OSD map now, for its {@code size}, {@code pg_num} (a split), {@code pgp_num}
     * and {@code crush_ruleset}; bad input is the {@code 400} the {@code PATCH} would be.
     */
    @POST
    @Path("/cluster/{fsid}/pool/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    MovementPreviewView previewPoolChange(@PathParam("fsid") String fsid, @PathParam("id") String id, PoolForm changes);

    /**
     * Deletes a pool: {@code 202} with the request, or {@code 409} while the cluster forbids it
     * ({@code mon_allow_pool_delete} is false).
     */
    @DELETE
    @Path("/cluster/{fsid}/pool/{id}")
    Response deletePool(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /** The cluster's erasure-code profiles: each one's name and properties, as Ceph keeps them. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/erasure_code_profile")
    List<Map<String, String>> erasureCodeProfiles(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/erasure_code_profile/{name}")
    Map<String, String> erasureCodeProfile(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /**
     * Creates a profile from {@code {"name": ..., "k": ..., "m": ..., <any other property>}}: {@code 202} with the
     * request, {@code 409} when the name is taken.
     */
    @POST
    @Path("/cluster/{fsid}/erasure_code_profile")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createErasureCodeProfile(@PathParam("fsid") String fsid, Map<String, String> profile);

    /** Removes a profile: {@code 202} with the request, {@code 409} while a pool uses it. */
    @DELETE
    @Path("/cluster/{fsid}/erasure_code_profile/{name}")
    Response deleteErasureCodeProfile(@PathParam("fsid") String fsid, @PathParam("name") String name);
}
