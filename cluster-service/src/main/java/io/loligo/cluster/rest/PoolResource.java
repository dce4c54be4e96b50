package io.loligo.cluster.rest;

import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.QueryValues;
import io.loligo.contracts.api.PoolApi;
import io.loligo.contracts.api.PoolView;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import java.util.List;

/** Pools for api-gateway. */
@Path("/internal/v2")
public class PoolResource implements PoolApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;

    @Override
    public List<PoolView> pools(String fsid) {
        inventory.requireCluster(fsid);
        return state.pools(fsid);
    }

    @Override
    public PoolView pool(String fsid, String id) {
        int poolId = QueryValues.pathId(id, "pool");
        return pools(fsid).stream().filter(pool -> pool.id() == poolId).findFirst()
                .orElseThrow(() -> new NotFoundException("no pool " + poolId + " in cluster " + fsid));
    }
}
