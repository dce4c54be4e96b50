package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Requests: newest first, paginated, with a state filter. */
@Produces(MediaType.APPLICATION_JSON)
public interface RequestApi {

    /** @param state queued, submitted, complete, error or cancelled; several separated by commas */
    @KeptUntilChanged
    @GET
    @Path("/request")
    Page<RequestView> requests(@QueryParam("state") String state, @QueryParam("page") String page,
                               @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/request/{id}")
    RequestView request(@PathParam("id") String id);

    /**
     * Stops a request that has not ended. A command already sent to the agent may still take effect; the request's
     * log says so.
     */
    @POST
    @Path("/request/{id}/cancel")
    RequestView cancel(@PathParam("id") String id);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/request")
    Page<RequestView> clusterRequests(@PathParam("fsid") String fsid, @QueryParam("state") String state,
                                      @QueryParam("page") String page, @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/request/{id}")
    RequestView clusterRequest(@PathParam("fsid") String fsid, @PathParam("id") String id);
}
