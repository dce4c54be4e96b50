package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Clusters and servers in Calamari's v2 paths and shapes. cluster-service serves it internally, api-gateway
 * calls that through a REST client and serves it publicly: the paths are declared here once for all three.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @GET
    @Path("/cluster")
    List<ClusterView> clusters();

    @GET
    @Path("/cluster/{fsid}")
    ClusterView cluster(@PathParam("fsid") String fsid);

    /** The cluster's servers, with their front and back addresses in it and the interfaces that hold them. */
    @GET
    @Path("/cluster/{fsid}/server")
    List<ServerView> clusterServers(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/server/{fqdn}")
    ServerView clusterServer(@PathParam("fsid") String fsid, @PathParam("fqdn") String fqdn);

    @GET
    @Path("/server")
    List<ServerView> servers();

    @GET
    @Path("/server/{fqdn}")
    ServerView server(@PathParam("fqdn") String fqdn);
}
