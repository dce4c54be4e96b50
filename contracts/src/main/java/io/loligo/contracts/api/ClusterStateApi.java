package io.loligo.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * A cluster's state from its maps. Served internally by cluster-service and
 * publicly by api-gateway; declared here once for both and for the gateway's client.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface ClusterStateApi {

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/health")
    HealthView health(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/health_counters")
    HealthCountersView healthCounters(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/mon")
    List<MonView> mons(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/mon/{name}")
    MonView mon(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /** The monitor's own {@code mon_status} (its state, rank, quorum and the peers it sees), asked of it now. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/mon/{name}/status")
    JsonNode monStatus(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /** The names of the maps held for the cluster ({@code osd_map}, {@code health}, ...). */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/sync_object")
    List<String> syncObjectTypes(@PathParam("fsid") String fsid);

    /**
     * One map as the cluster reported it.
     *
     * @return the JSON itself: an OSD map can weigh tens of megabytes, which the gateway passes on untouched
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/sync_object/{type}")
    byte[] syncObject(@PathParam("fsid") String fsid, @PathParam("type") String type);

    /** Every configuration option the quorum leader runs with, ordered by key. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/config")
    List<ConfigView> config(@PathParam("fsid") String fsid);

    /** Read from the cluster now. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/stats")
    UsageViews.ClusterStats stats(@PathParam("fsid") String fsid);

    /** Read from the cluster now. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/space")
    UsageViews.Space space(@PathParam("fsid") String fsid);

    /**
     * The newest entries of the cluster log, read from the mons now. They keep only the last few dozen entries of
     * every level ({@code mon_log_max_summary}), so fewer than {@code lines} may come back.
     *
     * @param lines at most this many, 1 to 1000, default 40
     * @param level the lowest priority shown: debug, info (the default), sec, warn or error
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/log")
    UsageViews.ClusterLog log(@PathParam("fsid") String fsid, @QueryParam("lines") String lines, @QueryParam("level") String level);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/config/{key}")
    ConfigView configOption(@PathParam("fsid") String fsid, @PathParam("key") String key);
}
