package io.loligo.gateway.inventory;

import io.loligo.contracts.api.PoolApi;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.UsageViews;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Pools for any logged-in user, from cluster-service. */
@Path("/api/v2")
public class PoolResource implements PoolApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public List<PoolView> pools(String fsid) {
        return clusterService.pools(fsid);
    }

    @Override
    public PoolView pool(String fsid, String id) {
        return clusterService.pool(fsid, id);
    }

    @Override
    public List<UsageViews.PoolStats> poolStats(String fsid) {
        return clusterService.poolStats(fsid);
    }

    @Override
    public UsageViews.PoolStats poolStatsOf(String fsid, String id) {
        return clusterService.poolStatsOf(fsid, id);
    }
}
