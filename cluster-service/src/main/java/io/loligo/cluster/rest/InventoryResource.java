package io.loligo.cluster.rest;

import io.loligo.cluster.server.InventoryQueries;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ServerView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The inventory for api-gateway, in Calamari's v2 shapes. Not public: only the gateway calls it,
 * and it adds authentication in front.
 */
@Path("/internal/v2")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {
    @Inject
    InventoryQueries queries;

    @GET
    @Path("/cluster")
    public List<ClusterView> clusters() {
        return queries.clusters();
    }

    @GET
    @Path("/cluster/{fsid}")
    public ClusterView cluster(@PathParam("fsid") String fsid) {
        return queries.cluster(fsid).orElseThrow(() -> new NotFoundException("no cluster with fsid " + fsid));
    }

    @GET
    @Path("/cluster/{fsid}/server")
    public List<ServerView> clusterServers(@PathParam("fsid") String fsid) {
        cluster(fsid);
        return queries.serversOf(fsid);
    }

    @GET
    @Path("/server")
    public List<ServerView> servers() {
        return queries.servers();
    }

    @GET
    @Path("/server/{fqdn}")
    public ServerView server(@PathParam("fqdn") String fqdn) {
        return queries.server(fqdn).orElseThrow(() -> new NotFoundException("no server with fqdn " + fqdn));
    }
}
