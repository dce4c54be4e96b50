package io.loligo.gateway.inventory;

import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ServerView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Clusters and servers, in Calamari's v2 paths and shapes. Any logged-in user may read them. */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @GET
    @Path("/cluster")
    public List<ClusterView> clusters() {
        return clusterService.clusters();
    }

    @GET
    @Path("/cluster/{fsid}")
    public ClusterView cluster(@PathParam("fsid") String fsid) {
        return clusterService.cluster(fsid);
    }

    @GET
    @Path("/cluster/{fsid}/server")
    public List<ServerView> clusterServers(@PathParam("fsid") String fsid) {
        return clusterService.clusterServers(fsid);
    }

    @GET
    @Path("/server")
    public List<ServerView> servers() {
        return clusterService.servers();
    }

    @GET
    @Path("/server/{fqdn}")
    public ServerView server(@PathParam("fqdn") String fqdn) {
        return clusterService.server(fqdn);
    }
}
