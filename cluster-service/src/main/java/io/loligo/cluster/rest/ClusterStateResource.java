package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterLogTail;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.Usage;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.ClusterStateApi;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.command.ReadClusterLog;
import io.loligo.contracts.command.ReadMonStatus;
import io.loligo.contracts.command.ReadUsage;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.List;

/** A cluster's state from its maps, for api-gateway. */
@Path("/internal/v2")
public class ClusterStateResource implements ClusterStateApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    JsonBytes json;
    @Inject
    LiveReads liveReads;

    @Override
    public HealthView health(String fsid) {
        inventory.requireCluster(fsid);
        return state.health(fsid);
    }

    @Override
    public HealthCountersView healthCounters(String fsid) {
        inventory.requireCluster(fsid);
        return state.healthCounters(fsid);
    }

    @Override
    public List<MonView> mons(String fsid) {
        inventory.requireCluster(fsid);
        return state.mons(fsid);
    }

    @Override
    public MonView mon(String fsid, String name) {
        return mons(fsid).stream().filter(mon -> mon.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFound("Mon", "no mon named " + name + " in cluster " + fsid));
    }

    /** Asked of the monitor itself, through the favoured agent: only a monitor the mon map names. */
    @Override
    public JsonNode monStatus(String fsid, String name) {
        MonView mon = mon(fsid, name);
        return liveReads.read(new ReadMonStatus(fsid, mon.name()));
    }

    @Override
    public List<String> syncObjectTypes(String fsid) {
        inventory.requireCluster(fsid);
        return state.syncObjectTypes(fsid);
    }

    @Override
    public byte[] syncObject(String fsid, String type) {
        inventory.requireCluster(fsid);
        return json.write(state.syncObject(fsid, type));
    }

    @Override
    public List<ConfigView> config(String fsid) {
        inventory.requireCluster(fsid);
        return state.config(fsid);
    }

    @Override
    public UsageViews.ClusterStats stats(String fsid) {
        inventory.requireCluster(fsid);
        return Usage.stats(liveReads.read(new ReadUsage(fsid)));
    }

    @Override
    public UsageViews.Space space(String fsid) {
        inventory.requireCluster(fsid);
        return Usage.space(liveReads.read(new ReadUsage(fsid)));
    }

    @Override
    public UsageViews.ClusterLog log(String fsid, String lines, String level) {
        ClusterLogTail tail = new ClusterLogTail(lines, level);
        inventory.requireCluster(fsid);
        return tail.apply(liveReads.read(new ReadClusterLog(fsid)));
    }

    @Override
    public ConfigView configOption(String fsid, String key) {
        return config(fsid).stream().filter(option -> option.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("ConfigKey", "cluster " + fsid + " has no configuration option '" + key + "'"));
    }

}
