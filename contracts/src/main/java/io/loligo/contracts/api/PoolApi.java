package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Pools in Calamari's v2 paths and shapes, read from the OSD map. */
@Produces(MediaType.APPLICATION_JSON)
public interface PoolApi {

    @GET
    @Path("/cluster/{fsid}/pool")
    List<PoolView> pools(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/pool/{id}")
    PoolView pool(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /** Every pool's figures, read from the cluster now. */
    @GET
    @Path("/cluster/{fsid}/pool/stats")
    List<UsageViews.PoolStats> poolStats(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/pool/{id}/stats")
    UsageViews.PoolStats poolStatsOf(@PathParam("fsid") String fsid, @PathParam("id") String id);
}
