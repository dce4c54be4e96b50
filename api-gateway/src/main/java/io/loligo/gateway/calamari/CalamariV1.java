package io.loligo.gateway.calamari;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.gateway.inventory.ClusterStateResource;
import io.loligo.gateway.inventory.InventoryResource;
import io.loligo.gateway.inventory.OsdResource;
import io.loligo.gateway.inventory.PoolResource;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Calamari's v1, which Calamari's own web UI read: clusters with Unix times, health and its counters, space, OSDs
 * with their PG states, pools with their use, and servers.
 */
@Path(ApiPaths.CALAMARI_V1)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV1 extends CalamariCommon {
    private static final TypeReference<List<OsdView>> OSD_LIST = new TypeReference<>() {
    };

    @Inject
    InventoryResource inventory;
    @Inject
    ClusterStateResource state;
    @Inject
    OsdResource osds;
    @Inject
    PoolResource pools;
    @Inject
    ObjectMapper json;

    @KeptBriefly
    @GET
    @Path("/cluster")
    public List<CalamariViews.V1Cluster> clusters() {
        return inventory.clusters().stream().map(CalamariShapes::v1Cluster).toList();
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}")
    public CalamariViews.V1Cluster cluster(@PathParam("fsid") String fsid) {
        return CalamariShapes.v1Cluster(inventory.cluster(fsid));
    }

    /**
     * The health report Calamari's UI reads ({@code overall_status}, {@code summary}, {@code detail}), and when the
     * cluster last reported.
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/health")
    public CalamariViews.V1Health health(@PathParam("fsid") String fsid) {
        return CalamariShapes.v1Health(state.health(fsid), inventory.cluster(fsid).updateTime());
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/health_counters")
    public CalamariViews.V1HealthCounters healthCounters(@PathParam("fsid") String fsid) {
        return CalamariShapes.v1HealthCounters(state.healthCounters(fsid), inventory.cluster(fsid).updateTime());
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/space")
    public CalamariViews.V1Space space(@PathParam("fsid") String fsid) {
        UsageViews.Space space = state.space(fsid);
        return new CalamariViews.V1Space(new CalamariViews.Space(space.usedBytes(), space.capacityBytes(), space.freeBytes()));
    }

    /**
     * The OSDs with their PG states; {@code ?pg_states=active,clean} keeps those holding PGs in any of the states.
     * While the cluster has no OSD or no PG yet, a {@code 202} with an empty list, as Calamari answered.
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd")
    public Response osds(@PathParam("fsid") String fsid, @QueryParam("pg_states") String pgStates) {
        Map<String, String> hostnames = inventory.clusterServers(fsid).stream()
                .collect(Collectors.toMap(ServerView::fqdn, ServerView::hostname, (first, second) -> first));
        CalamariViews.V1OsdList list = CalamariShapes.v1Osds(osdViews(fsid), pools.pools(fsid), hostnames);
        if (list.osds().isEmpty() || list.pgStateCounts().isEmpty()) {
            return Response.accepted(List.of()).build();
        }
        if (pgStates != null && !pgStates.isBlank()) {
            Set<String> wanted = Arrays.stream(pgStates.toLowerCase().split(",")).collect(Collectors.toSet());
            list = new CalamariViews.V1OsdList(list.osds().stream()
                    .filter(osd -> osd.pgStates().keySet().stream().anyMatch(wanted::contains)).toList(), list.pgStateCounts());
        }
        return Response.ok(list).build();
    }

    /** The OSD as the OSD map holds it. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/osd/{id: \\d+}")
    public CalamariViews.V1OsdDetail osd(@PathParam("fsid") String fsid, @PathParam("id") int id) {
        for (JsonNode entry : tree(state.syncObject(fsid, "osd_map")).path("osd_dump").path("osds")) {
            if (entry.path("osd").asInt() == id) {
                return new CalamariViews.V1OsdDetail(entry);
            }
        }
        throw new NotFound("Osd", "Object of type osd with id " + id + " not found");
    }

    /** Each pool's quotas, and its use where the cluster can be read now (null otherwise, as Calamari without data). */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool")
    public List<CalamariViews.V1Pool> pools(@PathParam("fsid") String fsid) {
        Map<Integer, UsageViews.PoolStats> stats = usage(fsid);
        return pools.pools(fsid).stream().map(pool -> CalamariShapes.v1Pool(fsid, pool, stats.get(pool.id()))).toList();
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/pool/{id: \\d+}")
    public CalamariViews.V1Pool pool(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        PoolView pool = pools.pool(fsid, id);
        return CalamariShapes.v1Pool(fsid, pool, usage(fsid).get(pool.id()));
    }

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/server")
    public List<CalamariViews.V1Server> servers(@PathParam("fsid") String fsid) {
        return inventory.clusterServers(fsid).stream().map(CalamariShapes::v1Server).toList();
    }

    private List<OsdView> osdViews(String fsid) {
        try {
            return json.readValue(osds.osds(fsid, null, null, null, null, null, null, null, null, null), OSD_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("cluster-service answered an OSD list that is not one", e);
        }
    }

    private Map<Integer, UsageViews.PoolStats> usage(String fsid) {
        try {
            return pools.poolStats(fsid).stream().collect(Collectors.toMap(UsageViews.PoolStats::pool, Function.identity()));
        } catch (ApiException unreadable) {
            return Map.of();
        }
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cluster-service answered a map that is not JSON", e);
        }
    }
}
