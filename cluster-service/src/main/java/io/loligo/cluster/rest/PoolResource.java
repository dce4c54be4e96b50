package io.loligo.cluster.rest;

import io.loligo.cluster.osd.MovementPreviews;
import io.loligo.cluster.pool.ErasureCodeProfiles;
import io.loligo.cluster.pool.PoolChanges;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.Usage;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.PoolApi;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.command.ReadUsage;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Pools for api-gateway. */
@Path("/internal/v2")
public class PoolResource implements PoolApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    LiveReads liveReads;
    @Inject
    Mutations mutations;

    @Override
    public List<PoolView> pools(String fsid) {
        inventory.requireCluster(fsid);
        return state.pools(fsid);
    }

    @Override
    public List<UsageViews.PoolStats> poolStats(String fsid) {
        inventory.requireCluster(fsid);
        return Usage.pools(liveReads.read(new ReadUsage(fsid)));
    }

    @Override
    public UsageViews.PoolStats poolStatsOf(String fsid, String id) {
        int poolId = QueryValues.pathId(id, "pool");
        return poolStats(fsid).stream().filter(pool -> pool.pool() == poolId).findFirst()
                .orElseThrow(() -> new NotFound("Pool", "no pool " + poolId + " in cluster " + fsid));
    }

    @Override
    public PoolView pool(String fsid, String id) {
        int poolId = QueryValues.pathId(id, "pool");
        inventory.requireCluster(fsid);
        return state.pool(fsid, poolId);
    }

    @Override
    public Response createPool(String fsid, PoolForm pool) {
        return mutations.run(fsid, PoolChanges.create(cluster(fsid), pool));
    }

    @Override
    public PoolForm poolDefaults(String fsid) {
        inventory.requireCluster(fsid);
        return PoolChanges.defaults(state.configShow(fsid));
    }

    @Override
    public Response updatePool(String fsid, String id, PoolForm changes) {
        PoolView pool = pool(fsid, id);
        return mutations.run(fsid, PoolChanges.update(cluster(fsid), pool, changes));
    }

    @Override
    public MovementPreviewView previewPoolChange(String fsid, String id, PoolForm changes) {
        PoolView pool = pool(fsid, id);
        return MovementPreviews.view(liveReads.read(PoolChanges.preview(cluster(fsid), pool, changes)));
    }

    @Override
    public Response deletePool(String fsid, String id) {
        PoolView pool = pool(fsid, id);
        return mutations.run(fsid, PoolChanges.delete(cluster(fsid), pool));
    }

    @Override
    public List<Map<String, String>> erasureCodeProfiles(String fsid) {
        inventory.requireCluster(fsid);
        return ErasureCodeProfiles.from(state.osdDump(fsid));
    }

    @Override
    public Map<String, String> erasureCodeProfile(String fsid, String name) {
        inventory.requireCluster(fsid);
        return ErasureCodeProfiles.one(state.osdDump(fsid), name);
    }

    @Override
    public Response createErasureCodeProfile(String fsid, Map<String, String> profile) {
        inventory.requireCluster(fsid);
        return mutations.run(fsid, ErasureCodeProfiles.create(fsid, state.osdDump(fsid), profile));
    }

    @Override
    public Response deleteErasureCodeProfile(String fsid, String name) {
        inventory.requireCluster(fsid);
        return mutations.run(fsid, ErasureCodeProfiles.delete(fsid, state.osdDump(fsid), state.pools(fsid), name));
    }

    private PoolChanges.Cluster cluster(String fsid) {
        inventory.requireCluster(fsid);
        return new PoolChanges.Cluster(fsid, state.pools(fsid), state.crushMap(fsid), state.osdDump(fsid), state.configShow(fsid));
    }
}
