package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Clusters and servers. cluster-service serves it internally, api-gateway calls that through a REST client and
 * serves it publicly: the paths are declared here once for all three.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @KeptBriefly
    @GET
    @Path("/cluster")
    List<ClusterView> clusters();

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}")
    ClusterView cluster(@PathParam("fsid") String fsid);

    /** The cluster's servers, with their front and back addresses in it and the interfaces that hold them. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/server")
    List<ServerView> clusterServers(@PathParam("fsid") String fsid);

    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/server/{fqdn}")
    ServerView clusterServer(@PathParam("fsid") String fsid, @PathParam("fqdn") String fqdn);

    @KeptBriefly
    @GET
    @Path("/server")
    List<ServerView> servers();

    @KeptBriefly
    @GET
    @Path("/server/{fqdn}")
    ServerView server(@PathParam("fqdn") String fqdn);

    /**
     * Forgets a cluster: its maps, its requests and its services ({@code 204}); its events stay. A cluster that its
     * agents still report comes back at their next heartbeat. {@code 409} while one of its requests runs.
     */
    @DELETE
    @Path("/cluster/{fsid}")
    Response forgetCluster(@PathParam("fsid") String fsid);

    /** Forgets a server and its services ({@code 204}); one whose agent still reports comes back at its next heartbeat. */
    @DELETE
    @Path("/server/{fqdn}")
    Response forgetServer(@PathParam("fqdn") String fqdn);

    /**
     * What the server's agent reads of its host now, in the names of Salt's grains ({@code lsb_distrib_description},
     * {@code kernelrelease}, {@code cpu_model}, {@code num_cpus}, {@code mem_total} in MiB, {@code ip_interfaces}, ...).
     */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/facts")
    JsonNode serverFacts(@PathParam("fqdn") String fqdn);

    /**
     * Starts, stops or restarts one of the server's Ceph daemons ({@code osd.1}, {@code mon.a}, {@code client.rgw.a})
     * through its host's service manager: {@code 202} with the request, which ends once Ceph shows the daemon so.
     * Stopping an OSD or a mon asks Ceph first ({@code ok-to-stop}): {@code 409 NotOkToStop} with Ceph's reason,
     * unless {@code override} names the daemon.
     */
    @POST
    @Path("/server/{fqdn}/daemon/{daemon}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response controlDaemon(@PathParam("fqdn") String fqdn, @PathParam("daemon") String daemon, DaemonForm form);

    /**
     * Restarts every Ceph daemon of the server one at a time, mons first, each after Ceph's ok-to-stop and once the one
     * before runs again: a request that stops at the first daemon Ceph refuses to let go.
     */
    @POST
    @Path("/server/{fqdn}/restart")
    Response restartServerDaemons(@PathParam("fqdn") String fqdn);

    /**
     * Makes an OSD on one of the server's available devices, or a destroyed OSD's replacement ({@code osd_id}): {@code 202}
     * with the request, which ends once Ceph shows the OSD up and in, and then follows the data it takes.
     */
    @POST
    @Path("/server/{fqdn}/osd")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createOsd(@PathParam("fqdn") String fqdn, OsdForms.Create form);

    /**
     * Takes the server into maintenance ({@code enter}: its OSDs' ok-to-stop asked together, {@code noout} set on its
     * CRUSH host, its OSDs, MDSs and RGWs stopped) or out of it ({@code exit}: started again, the flag cleared, and the
     * request follows recovery until every PG is active+clean).
     */
    @POST
    @Path("/server/{fqdn}/maintenance")
    @Consumes(MediaType.APPLICATION_JSON)
    Response serverMaintenance(@PathParam("fqdn") String fqdn, OsdForms.Maintenance form);

    /**
     * The host's block devices as its agent reads them now (lsblk), each with the OSDs that use it and whether Ceph
     * would take a new OSD on it (ceph-volume's inventory, which the agent keeps for minutes, where the host has one).
     */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/device")
    HostDevicesView serverDevices(@PathParam("fqdn") String fqdn);

    /** The log files under the server's log directory, as paths relative to it ({@code ceph/ceph.log}), sorted. */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/log")
    List<String> serverLogs(@PathParam("fqdn") String fqdn);

    /**
     * The end of one log file.
     *
     * @param path relative to the log directory, as {@code log} lists it
     * @param lines at most this many, 1 to 1000, default 40
     */
    @KeptBriefly
    @GET
    @Path("/server/{fqdn}/log/{path: .+}")
    ServerLog serverLog(@PathParam("fqdn") String fqdn, @PathParam("path") String path, @QueryParam("lines") String lines);

    /** The last lines of a server's log file, as one text. */
    record ServerLog(@JsonProperty("path") String path, @JsonProperty("lines") String lines) {
    }
}
