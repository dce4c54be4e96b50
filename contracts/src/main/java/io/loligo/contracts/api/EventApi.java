package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Events, newest first, in pages ({@code page} from 1, {@code page_size} default 10 as in Calamari, at most 1000).
 * {@code severity} is a threshold: WARNING returns warnings and everything more severe.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface EventApi {

    @KeptUntilChanged
    @GET
    @Path("/event")
    Page<EventView> events(@QueryParam("severity") String severity, @QueryParam("page") String page,
                           @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/event")
    Page<EventView> clusterEvents(@PathParam("fsid") String fsid, @QueryParam("severity") String severity,
                                  @QueryParam("page") String page, @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/server/{fqdn}/event")
    Page<EventView> serverEvents(@PathParam("fqdn") String fqdn, @QueryParam("severity") String severity,
                                 @QueryParam("page") String page, @QueryParam("page_size") String pageSize);
}
