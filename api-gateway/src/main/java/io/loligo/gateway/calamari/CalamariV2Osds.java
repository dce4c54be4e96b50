package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
import io.loligo.gateway.inventory.OsdResource;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.loligo.gateway.calamari.SerializedValues.bool;
import static io.loligo.gateway.calamari.SerializedValues.decimal;

/** Calamari v2's OSDs: the list with its two filters, changes to one OSD, its commands, and the cluster's OSD flags. */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Osds {
    @Inject
    OsdResource osds;

    /**
     * Every OSD, or those a pool may use ({@code ?pool=<id>}), or those named ({@code ?id__in[]=2&id__in[]=3}). Loligo's
     * other filters, sorting and pages are /api/v3's.
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd")
    public Response osds(@PathParam("fsid") String fsid, @QueryParam("pool") String pool, @QueryParam("id__in[]") List<String> ids) {
        if (pool != null && !pool.matches("-?\\d+")) {
            return DrfErrors.bare(400, "Pool ID must be an integer");
        }
        if (ids != null && ids.stream().anyMatch(id -> !id.matches("-?\\d+"))) {
            return DrfErrors.bare(400, "Invalid OSD ID in list");
        }
        return Response.ok(osds.osds(fsid, pool, ids == null || ids.isEmpty() ? null : ids, null, null, null, null, null, null, null))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id: \\d+}")
    public OsdView osd(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return osds.osd(fsid, id);
    }

    /**
     * {@code {in, up, reweight}}, each optional: {@code 202} with the request, or {@code 304} when the OSD already is
     * as asked. Ceph marks OSDs up itself: asking a down OSD to be up is refused.
     */
    @PATCH
    @Path("/cluster/{fsid}/osd/{id: \\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response updateOsd(@PathParam("fsid") String fsid, @PathParam("id") String id, JsonNode body) {
        ObjectNode values = CalamariSerializers.OSD.accept("PATCH", body);
        Boolean up = bool(values, "up");
        if (Boolean.TRUE.equals(up)) {
            // Calamari left an OSD that is up alone, and could not bring one up
            if (!osds.osd(fsid, id).up()) {
                return Response.status(400).entity(Map.of("up", List.of("It is not valid to set a down OSD to be up"))).build();
            }
            up = null;
        }
        Double reweight = decimal(values, "reweight");
        Boolean in = bool(values, "in");
        if (in == null && up == null && reweight == null) {
            return Response.notModified().build();
        }
        return osds.updateOsd(fsid, id, new OsdPatch(in, up, reweight, null));
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/command")
    public List<String> implementedCommands(@PathParam("fsid") String fsid) {
        return osds.osdCommands(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id: \\d+}/command")
    public Map<String, Map<String, List<String>>> validCommands(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return osds.osdValidCommands(fsid, id);
    }

    /** {@code {"valid": bool}}; a command Calamari never had is simply not valid. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id: \\d+}/command/{command: [a-zA-Z_]+}")
    public Map<String, Boolean> commandValid(@PathParam("fsid") String fsid, @PathParam("id") String id,
                                             @PathParam("command") String command) {
        if (!OsdView.COMMANDS.contains(command)) {
            osds.osd(fsid, id);
            return Map.of("valid", false);
        }
        return osds.osdCommandValid(fsid, id, command);
    }

    /** {@code 202} with the request, or {@code 403} (Calamari's words, as a JSON string) when not valid on the OSD now. */
    @POST
    @Path("/cluster/{fsid}/osd/{id: \\d+}/command/{command: [a-zA-Z_]+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response runCommand(@PathParam("fsid") String fsid, @PathParam("id") String id, @PathParam("command") String command) {
        if (!OsdView.COMMANDS.contains(command) || !osds.osd(fsid, id).validCommands().contains(command)) {
            return DrfErrors.bare(403, command + " not valid on " + id);
        }
        try {
            return osds.runOsdCommand(fsid, id, command);
        } catch (ApiException refused) {
            if (refused.getResponse().getStatus() == 403) {
                return DrfErrors.bare(403, command + " not valid on " + id);
            }
            throw refused;
        }
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd_config")
    public Map<String, Boolean> osdConfig(@PathParam("fsid") String fsid) {
        return osds.osdConfig(fsid);
    }

    /** Flags to set ({@code true}) or clear: {@code 202} or {@code 304}; Calamari refused a bad body with a 403. */
    @PATCH
    @Path("/cluster/{fsid}/osd_config")
    @RolesAllowed(Roles.OPERATOR)
    public Response updateOsdConfig(@PathParam("fsid") String fsid, JsonNode body) {
        Map<String, Boolean> changes = new HashMap<>();
        CalamariSerializers.OSD_CONFIG.accept("PATCH", body, 403).fields().forEachRemaining(flag -> changes.put(flag.getKey(), flag.getValue().asBoolean()));
        if (changes.isEmpty()) {
            return Response.notModified().build();
        }
        return osds.updateOsdConfig(fsid, changes);
    }
}
