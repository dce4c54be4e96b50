package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
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
import java.util.Map;

/**
 * OSDs in Calamari's v2 paths and shapes, with server-side filtering, search, ordering and pagination for large
 * clusters. Query values are taken as text so that a bad one is answered with a 400 naming it.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface OsdApi {

    /**
     * Without {@code page} or {@code page_size}, the plain array Calamari's clients expect; with either, one page as
     * {@code {count, next, previous, results}}.
     *
     * @param pool only OSDs serving this pool (Calamari's filter)
     * @param ids only these OSDs (Calamari's {@code id__in[]})
     * @param search a substring of the id ("osd.12"), server, host, uuid or an address
     * @param ordering a field, {@code -} first for descending: id, up, in, reweight, server, host
     * @return the JSON itself: on a large cluster this is the busiest read, and the gateway passes it on untouched
     *         rather than parse and write it again
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd")
    byte[] osds(@PathParam("fsid") String fsid,
                  @QueryParam("pool") String pool,
                  @QueryParam("id__in[]") List<String> ids,
                  @QueryParam("up") String up,
                  @QueryParam("in") String in,
                  @QueryParam("host") String host,
                  @QueryParam("search") String search,
                  @QueryParam("ordering") String ordering,
                  @QueryParam("page") String page,
                  @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id}")
    OsdView osd(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /** The commands Loligo implements for OSDs. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/command")
    List<String> osdCommands(@PathParam("fsid") String fsid);

    /** {@code {<id>: {"valid_commands": [...]}}}: what may be run on this OSD now. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id}/command")
    Map<String, Map<String, List<String>>> osdValidCommands(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /**
     * Changes an OSD: {@code 202} with the request that follows it until the OSD map shows it, or {@code 304} when
     * the OSD already is as asked.
     */
    @PATCH
    @Path("/cluster/{fsid}/osd/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateOsd(@PathParam("fsid") String fsid, @PathParam("id") String id, OsdPatch patch);

    /** {@code {"valid": bool}}: whether the command may run on this OSD now. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id}/command/{command}")
    Map<String, Boolean> osdCommandValid(@PathParam("fsid") String fsid, @PathParam("id") String id,
                                         @PathParam("command") String command);

    /** Runs scrub, deep_scrub or repair: {@code 202} with the request, {@code 403} when not valid now. */
    @POST
    @Path("/cluster/{fsid}/osd/{id}/command/{command}")
    Response runOsdCommand(@PathParam("fsid") String fsid, @PathParam("id") String id,
                           @PathParam("command") String command);

    /**
     * What the change a {@code PATCH} of the OSD with this body would make would move, before it is made: computed by an
     * agent with Ceph's own CRUSH (libceph-common's, in process, on the PGs an up OSD's lower weight can move) or
     * osdmaptool and crushtool (on every PG) on the OSD map now. {@code in} or {@code reweight} (the override
     * weight), one at a time; {@code up} and {@code primary_affinity} move no data and are a {@code 400} naming them.
     */
    @POST
    @Path("/cluster/{fsid}/osd/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    MovementPreviewView previewOsdChange(@PathParam("fsid") String fsid, @PathParam("id") String id, OsdPatch patch);

    /**
     * Drains the OSD: marks it out and follows its PGs leaving until Ceph says it is safe to destroy; {@code 202} with
     * the request, whose progress counts the PGs and bytes still on it.
     */
    @POST
    @Path("/cluster/{fsid}/osd/{id}/drain")
    Response drainOsd(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /**
     * Destroys the OSD, keeping its id and CRUSH place for a replacement: Ceph's safe-to-destroy asked, its daemon
     * stopped, {@code osd destroy}, its device wiped. {@code 409 NotSafeToDestroy} with Ceph's reason unless overridden.
     */
    @POST
    @Path("/cluster/{fsid}/osd/{id}/destroy")
    @Consumes(MediaType.APPLICATION_JSON)
    Response destroyOsd(@PathParam("fsid") String fsid, @PathParam("id") String id, OsdForms.Removal form);

    /** As destroy, but the OSD is gone from the OSD map, CRUSH and auth ({@code osd purge}); a destroyed one is purged at once. */
    @POST
    @Path("/cluster/{fsid}/osd/{id}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    Response purgeOsd(@PathParam("fsid") String fsid, @PathParam("id") String id, OsdForms.Removal form);

    /** The cluster's OSD flags, Calamari's {@code osd_config}: each flag set or not. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd_config")
    Map<String, Boolean> osdConfig(@PathParam("fsid") String fsid);

    /** Sets or clears flags: {@code 202} with the request, or {@code 304} when every flag already is as asked. */
    @PATCH
    @Path("/cluster/{fsid}/osd_config")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateOsdConfig(@PathParam("fsid") String fsid, Map<String, Boolean> flags);

    /**
     * The header in which the gateway names the user it acts for, on every call its request signer makes
     * ({@code ServiceTokenSigning}), under the signature: never a parameter of a contract method, so never in the
     * public API's documents.
     */
    String REQUESTED_BY = "X-Loligo-User";
}
