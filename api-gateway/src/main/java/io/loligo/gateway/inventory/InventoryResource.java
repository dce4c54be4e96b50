package io.loligo.gateway.inventory;

import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.InventoryApi;
import io.loligo.contracts.api.ServerView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Clusters and servers for any logged-in user, from cluster-service. */
@Path("/api/v2")
public class InventoryResource implements InventoryApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public List<ClusterView> clusters() {
        return clusterService.clusters();
    }

    @Override
    public ClusterView cluster(String fsid) {
        return clusterService.cluster(fsid);
    }

    @Override
    public List<ServerView> clusterServers(String fsid) {
        return clusterService.clusterServers(fsid);
    }

    @Override
    public ServerView clusterServer(String fsid, String fqdn) {
        return clusterService.clusterServer(fsid, fqdn);
    }

    @Override
    public List<ServerView> servers() {
        return clusterService.servers();
    }

    @Override
    public ServerView server(String fqdn) {
        return clusterService.server(fqdn);
    }
}
