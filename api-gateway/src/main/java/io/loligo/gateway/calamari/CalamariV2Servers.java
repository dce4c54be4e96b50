package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.KeyApi;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.agent.KeyResource;
import io.loligo.gateway.inventory.InventoryResource;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calamari v2's servers, and what Calamari 1.3 added through Salt: minion keys (Loligo's agents' keys), grains (what
 * an agent knows of its host) and log files. Debug jobs, which ran Salt's self-tests, have no counterpart.
 */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Servers {
    @Inject
    InventoryResource inventory;
    @Inject
    KeyResource keys;
    @Inject
    LocalGrains localGrains;

    @KeptBriefly
    @GET
    @Path("/server")
    public List<ServerView> servers() {
        return inventory.servers();
    }

    @KeptBriefly
    @GET
    @Path("/server/{fqdn}")
    public ServerView server(@PathParam("fqdn") String fqdn) {
        return inventory.server(fqdn);
    }

    /** Forgets the server; one whose agent still reports comes back at its next heartbeat. */
    @DELETE
    @Path("/server/{fqdn}")
    @RolesAllowed(Roles.OPERATOR)
    public Response forgetServer(@PathParam("fqdn") String fqdn) {
        return inventory.forgetServer(fqdn);
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/server")
    public List<ServerView> clusterServers(@PathParam("fsid") String fsid) {
        return inventory.clusterServers(fsid);
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/server/{fqdn}")
    public ServerView clusterServer(@PathParam("fsid") String fsid, @PathParam("fqdn") String fqdn) {
        return inventory.clusterServer(fsid, fqdn);
    }

    /** Salt's grains of the server, from what its agent reads of its host now. */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/grains")
    public JsonNode grains(@PathParam("fqdn") String fqdn) {
        return inventory.serverFacts(fqdn);
    }

    /** Salt's grains of the host Calamari ran on: here, the gateway's, read from its host at most once a second. */
    @KeptBriefly
    @GET
    @Path("/grains{slash: /?}")
    public JsonNode localGrains() {
        return localGrains.read();
    }

    /** The server's log files, as paths under its log directory ({@code ceph/ceph.log}), sorted. */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/log")
    public List<String> serverLogs(@PathParam("fqdn") String fqdn) {
        return inventory.serverLogs(fqdn);
    }

    /** {@code {lines}}: the last {@code ?lines=} lines (40 unless given) of one log file. */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/log/{path: .+}")
    public CalamariViews.LogTail serverLog(@PathParam("fqdn") String fqdn, @PathParam("path") String path,
                                          @QueryParam("lines") String lines) {
        return new CalamariViews.LogTail(inventory.serverLog(fqdn, path, lines).lines());
    }

    /**
     * Calamari ran Salt's {@code ceph.selftest*} functions here, for its own tests. Loligo's agents have no such
     * functions: anything else is refused as Calamari refused it, and those as unavailable.
     */
    @POST
    @Path("/server/{fqdn}/debug_job{slash: /?}")
    @RolesAllowed(Roles.OPERATOR)
    public Response debugJob(@PathParam("fqdn") String fqdn, JsonNode body) {
        inventory.server(fqdn);
        String command = body == null ? "" : body.path("cmd").asText("");
        if (!command.startsWith("ceph.selftest")) {
            return Response.status(403).entity(DrfErrors.detail("Command '" + command + "' is not a self test command")).build();
        }
        return Response.status(503).entity(DrfErrors.detail("Loligo's agents run no Salt self-test jobs")).build();
    }

    @KeptBriefly
    @GET
    @Path("/key")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<KeyApi.KeyView> keys() {
        return keys.keys();
    }

    /** {@code [{"id": ..., "status": "accepted"|"rejected"}]}: {@code 204}; nothing changes unless every key can. */
    @PATCH
    @Path("/key")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response decideKeys(JsonNode body) {
        keys.decideKeys(asDisplayed(keyPatches(body)));
        return Response.noContent().build();
    }

    /** {@code [{"id": ...}]}: forgets each key, so that its agent asks again; {@code 204}. */
    @DELETE
    @Path("/key")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response deleteKeys(JsonNode body) {
        for (KeyApi.KeyPatch key : keyPatches(body)) {
            keys.deleteKey(key.id());
        }
        return Response.noContent().build();
    }

    @KeptBriefly
    @GET
    @Path("/key/{id}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public KeyApi.KeyView key(@PathParam("id") String id) {
        return keys.key(id);
    }

    /** {@code {"status": "accepted"|"rejected"}} for a {@code pre} key: {@code 204}. */
    @PATCH
    @Path("/key/{id}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response decideKey(@PathParam("id") String id, JsonNode body) {
        String status = body == null ? null : body.path("status").asText(null);
        keys.decideKey(id, asDisplayed(List.of(new KeyApi.KeyPatch(id, status, null))).get(0));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/key/{id}")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public Response deleteKey(@PathParam("id") String id) {
        keys.deleteKey(id);
        return Response.noContent().build();
    }

    /**
     * Calamari's clients accept a key without naming it: the key accepted is the one they listed, which is the one
     * waiting now, as a waiting key is never replaced.
     */
    private List<KeyApi.KeyPatch> asDisplayed(List<KeyApi.KeyPatch> patches) {
        Map<String, String> waiting = keys.keys().stream().filter(key -> key.fingerprint() != null)
                .collect(Collectors.toMap(KeyApi.KeyView::id, KeyApi.KeyView::fingerprint));
        return patches.stream().map(patch -> new KeyApi.KeyPatch(patch.id(), patch.status(), waiting.get(patch.id()))).toList();
    }

    /** Calamari's bulk form: a list of objects, each with an {@code id}. */
    private static List<KeyApi.KeyPatch> keyPatches(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInput("NotAList", "Bulk PATCH must send a list");
        }
        List<KeyApi.KeyPatch> patches = new ArrayList<>();
        for (JsonNode key : body) {
            if (!key.has("id")) {
                throw new InvalidInput("NoId", "Items in bulk PATCH must have 'id' attribute");
            }
            patches.add(new KeyApi.KeyPatch(key.path("id").asText(), key.path("status").asText(null), null));
        }
        return patches;
    }
}
