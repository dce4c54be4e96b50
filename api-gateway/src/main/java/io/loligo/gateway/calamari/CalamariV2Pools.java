package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.inventory.PoolResource;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

import static io.loligo.gateway.calamari.SerializedValues.bool;
import static io.loligo.gateway.calamari.SerializedValues.integer;
import static io.loligo.gateway.calamari.SerializedValues.number;
import static io.loligo.gateway.calamari.SerializedValues.text;

/** Calamari v2's pools: the list, their defaults, creating, changing and deleting one, and their figures. */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Pools {
    @Inject
    PoolResource pools;

    /** Every pool; with {@code ?defaults}, what a pool created without a field gets for it. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool")
    public Object pools(@PathParam("fsid") String fsid, @Context UriInfo uri) {
        // a bare ?defaults, as Calamari's clients send it, has no value to bind
        if (uri.getQueryParameters().containsKey("defaults")) {
            PoolForm loligo = pools.poolDefaults(fsid);
            return CalamariShapes.poolDefaults(loligo, loligo.hashpspool() == null || loligo.hashpspool());
        }
        return pools.pools(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/pool/{id: \\d+}")
    public PoolView pool(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return pools.pool(fsid, id);
    }

    /**
     * Calamari's pool fields; {@code name} and {@code pg_num} are needed. {@code 202} with the request, {@code 409}
     * when the name is taken, {@code 400} naming each field that cannot be.
     */
    @POST
    @Path("/cluster/{fsid}/pool")
    @RolesAllowed(Roles.OPERATOR)
    public Response createPool(@PathParam("fsid") String fsid, JsonNode body) {
        return pools.createPool(fsid, form(serializer(body).accept("POST", body)));
    }

    /** Any of the fields Calamari let change: {@code 202} with the request, {@code 304} when the pool already is so. */
    @PATCH
    @Path("/cluster/{fsid}/pool/{id: \\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response updatePool(@PathParam("fsid") String fsid, @PathParam("id") String id, JsonNode body) {
        return pools.updatePool(fsid, id, form(serializer(body).accept("PATCH", body)));
    }

    @DELETE
    @Path("/cluster/{fsid}/pool/{id: \\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response deletePool(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return pools.deletePool(fsid, id);
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{id: \\d+}/stats")
    public CalamariViews.PoolStats poolStats(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return CalamariShapes.poolStats(pools.poolStatsOf(fsid, id));
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/stats")
    public List<CalamariViews.PoolStats> allPoolStats(@PathParam("fsid") String fsid) {
        return pools.poolStats(fsid).stream().map(CalamariShapes::poolStats).toList();
    }

    /** Calamari chose the serializer by the type sent: an erasure-coded pool's size is its profile's. */
    private static DrfSerializer serializer(JsonNode body) {
        return body != null && "erasure".equals(body.path("type").asText()) ? CalamariSerializers.ERASURE_POOL : CalamariSerializers.POOL;
    }

    /** Ceph 16 has no crash replay interval: only its old default, 0, can be honoured. */
    private static PoolForm form(ObjectNode values) {
        if (values.hasNonNull("crash_replay_interval") && values.get("crash_replay_interval").asLong() != 0) {
            throw InvalidInput.of("crash_replay_interval",
                    "Ceph 16 no longer has this setting; only 0 can be set");
        }
        return new PoolForm(text(values, "name"), text(values, "type"), text(values, "erasure_code_profile"), integer(values, "pg_num"),
                integer(values, "pgp_num"), integer(values, "size"), integer(values, "min_size"), integer(values, "crush_ruleset"),
                number(values, "quota_max_bytes"), number(values, "quota_max_objects"), null,
                bool(values, "hashpspool"));
    }
}
