package io.loligo.gateway.inventory;

import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.PoolApi;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/** Pools for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class PoolResource implements PoolApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

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

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createPool(String fsid, PoolForm pool) {
        return mutations.passOn(() -> clusterService.createPool(fsid, pool));
    }

    @Override
    public PoolForm poolDefaults(String fsid) {
        return clusterService.poolDefaults(fsid);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updatePool(String fsid, String id, PoolForm changes) {
        return mutations.passOn(() -> clusterService.updatePool(fsid, id, changes));
    }

    /** Changes nothing, but goes with the change it previews: for those who may make it. */
    @RolesAllowed(Roles.OPERATOR)
    @Override
    public MovementPreviewView previewPoolChange(String fsid, String id, PoolForm changes) {
        return clusterService.previewPoolChange(fsid, id, changes);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deletePool(String fsid, String id) {
        return mutations.passOn(() -> clusterService.deletePool(fsid, id));
    }

    @Override
    public List<Map<String, String>> erasureCodeProfiles(String fsid) {
        return clusterService.erasureCodeProfiles(fsid);
    }

    @Override
    public Map<String, String> erasureCodeProfile(String fsid, String name) {
        return clusterService.erasureCodeProfile(fsid, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createErasureCodeProfile(String fsid, Map<String, String> profile) {
        return mutations.passOn(() -> clusterService.createErasureCodeProfile(fsid, profile));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteErasureCodeProfile(String fsid, String name) {
        return mutations.passOn(() -> clusterService.deleteErasureCodeProfile(fsid, name));
    }
}
