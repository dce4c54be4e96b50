package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** A pool's placement groups, read live, and the commands that scrub, deep-scrub or repair one. */
@Produces(MediaType.APPLICATION_JSON)
public interface PgApi {

    /** One page of the pool's PGs, in the order Ceph lists them ({@code page_size} default 100). */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/pg")
    Page<PgView> pgs(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @QueryParam("page") String page,
                     @QueryParam("page_size") String pageSize);

    /** {@code {<pgid>: {"valid_commands": [...]}}}: what may be run on this PG now. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool/{pool}/pg/{pgid}/command")
    Map<String, Map<String, List<String>>> pgValidCommands(@PathParam("fsid") String fsid, @PathParam("pool") String pool,
                                                           @PathParam("pgid") String pgid);

    /** Runs scrub, deep_scrub or repair on the PG: {@code 202} with the request, {@code 403} when not valid now. */
    @POST
    @Path("/cluster/{fsid}/pool/{pool}/pg/{pgid}/command/{command}")
    Response runPgCommand(@PathParam("fsid") String fsid, @PathParam("pool") String pool, @PathParam("pgid") String pgid,
                          @PathParam("command") String command);
}
