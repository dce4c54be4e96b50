package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.api.CliApi;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.EventView;
import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.gateway.inventory.CliResource;
import io.loligo.gateway.inventory.ClusterStateResource;
import io.loligo.gateway.inventory.CrushResource;
import io.loligo.gateway.inventory.EventResource;
import io.loligo.gateway.inventory.InventoryResource;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/** Calamari v2's clusters and what hangs off one: configuration, monitors, sync objects, events, the CLI, the log. */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Clusters {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calamari's severities, most severe first. Its message for another is kept word for word, typo and all. */
    private static final List<String> SEVERITIES = List.of("CRITICAL", "ERROR", "WARNING", "RECOVERY", "INFO");

    @Inject
    InventoryResource inventory;
    @Inject
    ClusterStateResource state;
    @Inject
    CrushResource crush;
    @Inject
    EventResource events;
    @Inject
    CliResource cli;

    @KeptBriefly
    @GET
    @Path("/cluster")
    public List<ClusterView> clusters() {
        return inventory.clusters();
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}")
    public ClusterView cluster(@PathParam("fsid") String fsid) {
        return inventory.cluster(fsid);
    }

    /** Forgets the cluster and its services; a cluster whose agents still report comes back at their next heartbeat. */
    @DELETE
    @Path("/cluster/{fsid}")
    @RolesAllowed(Roles.OPERATOR)
    public Response forgetCluster(@PathParam("fsid") String fsid) {
        return inventory.forgetCluster(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/config")
    public List<ConfigView> config(@PathParam("fsid") String fsid) {
        return state.config(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/config/{key}")
    public ConfigView configOption(@PathParam("fsid") String fsid, @PathParam("key") String key) {
        return state.configOption(fsid, key);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/mon")
    public List<MonView> mons(@PathParam("fsid") String fsid) {
        return state.mons(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/mon/{name}")
    public MonView mon(@PathParam("fsid") String fsid, @PathParam("name") String name) {
        return state.mon(fsid, name);
    }

    /** The monitor's own {@code mon_status}, as it answers it now. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/mon/{name}/status")
    public JsonNode monStatus(@PathParam("fsid") String fsid, @PathParam("name") String name) {
        return state.monStatus(fsid, name);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/sync_object")
    public List<String> syncObjectTypes(@PathParam("fsid") String fsid) {
        inventory.cluster(fsid);
        return CalamariShapes.SYNC_OBJECTS;
    }

    /**
     * One of Calamari's sync objects. {@code mon_status} is the quorum leader's own, read now; {@code quorum_status}
     * is the quorum as held; the others are as {@link CalamariSyncObjects} describes.
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/sync_object/{type}")
    public JsonNode syncObject(@PathParam("fsid") String fsid, @PathParam("type") String type) {
        return switch (type) {
            case "osd_map" -> CalamariSyncObjects.osdMap(held(fsid, "osd_map"), crush.crushMapText(fsid).asText());
            case "mds_map" -> CalamariSyncObjects.mdsMap(held(fsid, "mds_map"));
            case "health" -> CalamariShapes.healthReport(held(fsid, "health"));
            case "quorum_status" -> held(fsid, "mon_status");
            case "mon_status" -> state.monStatus(fsid, held(fsid, "mon_status").path("quorum_leader_name").asText());
            case "mon_map", "pg_summary", "config" -> held(fsid, type);
            default -> throw new NotFound("SyncObject", "no sync object '" + type + "'; known: "
                    + String.join(", ", CalamariShapes.SYNC_OBJECTS));
        };
    }

    /** Events, newest first, ten to a page; {@code ?severity=} shows that severity and worse. */
    @KeptUntilChanged
    @GET
    @Path("/event")
    public DjangoPages.CalamariPage<EventView> events(@QueryParam("severity") String severity, @QueryParam("page") String page,
                                                      @QueryParam("page_size") String pageSize, @Context UriInfo uri) {
        return paged(severity, page, pageSize, uri, wanted -> events.events(severity, wanted.pageParameter(), wanted.sizeParameter()));
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/event")
    public DjangoPages.CalamariPage<EventView> clusterEvents(@PathParam("fsid") String fsid, @QueryParam("severity") String severity,
                                                             @QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                             @Context UriInfo uri) {
        return paged(severity, page, pageSize, uri, wanted -> events.clusterEvents(fsid, severity, wanted.pageParameter(), wanted.sizeParameter()));
    }

    @KeptUntilChanged
    @GET
    @Path("/server/{fqdn}/event")
    public DjangoPages.CalamariPage<EventView> serverEvents(@PathParam("fqdn") String fqdn, @QueryParam("severity") String severity,
                                                            @QueryParam("page") String page, @QueryParam("page_size") String pageSize,
                                                            @Context UriInfo uri) {
        return paged(severity, page, pageSize, uri, wanted -> events.serverEvents(fqdn, severity, wanted.pageParameter(), wanted.sizeParameter()));
    }

    /**
     * {@code {"command": "ceph osd tree"}} or the words as a list: {@code {out, err, status}}, {@code 200} even when the
     * command fails. Loligo runs only commands on its allow-list, for administrators.
     */
    @POST
    @Path("/cluster/{fsid}/cli")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public CliApi.CliView runCli(@PathParam("fsid") String fsid, JsonNode body) {
        return cli.runCli(fsid, new CliApi.CliForm(body == null ? null : body.get("command")));
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/stats")
    public UsageViews.ClusterStats stats(@PathParam("fsid") String fsid) {
        return state.stats(fsid);
    }

    /** The newest cluster log lines of every level, {@code ?lines=} (40 unless given), as ceph.log has them. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/log")
    public CalamariViews.LogTail log(@PathParam("fsid") String fsid, @QueryParam("lines") String lines) {
        return new CalamariViews.LogTail(state.log(fsid, lines, "debug").lines());
    }

    private JsonNode held(String fsid, String type) {
        try {
            return JSON.readTree(state.syncObject(fsid, type));
        } catch (IOException e) {
            throw new UncheckedIOException("cluster-service answered a sync object that is not JSON", e);
        }
    }

    private static DjangoPages.CalamariPage<EventView> paged(String severity, String page, String pageSize, UriInfo uri,
                                                           Function<DjangoPages.Wanted, Page<EventView>> read) {
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw new InvalidInput("InvalidSeverity", "Invalid severity '" + severity + "', must be on of " + String.join(",", SEVERITIES));
        }
        DjangoPages.Wanted wanted = DjangoPages.wanted(page, pageSize);
        return DjangoPages.of(read.apply(wanted), wanted, uri.getRequestUri(), Function.identity());
    }
}
