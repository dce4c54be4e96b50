package io.loligo.gateway.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.ClusterStateApi;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** A cluster's health, mons and raw maps for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class ClusterStateResource implements ClusterStateApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public HealthView health(String fsid) {
        return clusterService.health(fsid);
    }

    @Override
    public HealthCountersView healthCounters(String fsid) {
        return clusterService.healthCounters(fsid);
    }

    @Override
    public List<MonView> mons(String fsid) {
        return clusterService.mons(fsid);
    }

    @Override
    public MonView mon(String fsid, String name) {
        return clusterService.mon(fsid, name);
    }

    @Override
    public JsonNode monStatus(String fsid, String name) {
        return clusterService.monStatus(fsid, name);
    }

    @Override
    public List<String> syncObjectTypes(String fsid) {
        return clusterService.syncObjectTypes(fsid);
    }

    @Override
    public byte[] syncObject(String fsid, String type) {
        return clusterService.syncObject(fsid, type);
    }

    @Override
    public List<ConfigView> config(String fsid) {
        return clusterService.config(fsid);
    }

    @Override
    public UsageViews.ClusterStats stats(String fsid) {
        return clusterService.stats(fsid);
    }

    @Override
    public UsageViews.Space space(String fsid) {
        return clusterService.space(fsid);
    }

    @Override
    public UsageViews.ClusterLog log(String fsid, String lines, String level) {
        return clusterService.log(fsid, lines, level);
    }

    @Override
    public ConfigView configOption(String fsid, String key) {
        return clusterService.configOption(fsid, key);
    }
}
