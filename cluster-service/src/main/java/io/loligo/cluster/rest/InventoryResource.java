package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.known.Forgetting;
import io.loligo.cluster.osd.OsdLifecycle;
import io.loligo.cluster.server.DaemonControls;
import io.loligo.cluster.server.HostReads;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.server.Maintenance;
import io.loligo.cluster.server.MaintenanceHistory;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.DaemonForm;
import io.loligo.contracts.api.HostDevicesView;
import io.loligo.contracts.api.InventoryApi;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.command.SafetyCheck;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/** The inventory for api-gateway. Not public: only the gateway calls it, and it adds authentication in front. */
@Path("/internal/v2")
public class InventoryResource implements InventoryApi {
    @Inject
    ActingUser actingUser;
    @Inject
    InventoryQueries queries;
    @Inject
    Forgetting forgetting;
    @Inject
    HostReads hosts;
    @Inject
    LiveReads liveReads;
    @Inject
    Mutations mutations;
    @Inject
    ClusterStateQueries state;
    @Inject
    MaintenanceHistory maintenanceHistory;

    @Override
    public List<ClusterView> clusters() {
        return queries.clusters();
    }

    @Override
    public ClusterView cluster(String fsid) {
        return queries.cluster(fsid).orElseThrow(() -> new NotFound("Cluster", "no cluster with fsid " + fsid));
    }

    @Override
    public List<ServerView> clusterServers(String fsid) {
        queries.requireCluster(fsid);
        return queries.serversOf(fsid);
    }

    @Override
    public ServerView clusterServer(String fsid, String fqdn) {
        return clusterServers(fsid).stream().filter(server -> server.fqdn().equals(fqdn)).findFirst()
                .orElseThrow(() -> new NotFound("Server", "no server " + fqdn + " in cluster " + fsid));
    }

    @Override
    public List<ServerView> servers() {
        return queries.servers();
    }

    @Override
    public ServerView server(String fqdn) {
        return queries.server(fqdn).orElseThrow(() -> new NotFound("Server", "no server with fqdn " + fqdn));
    }

    @Override
    public Response forgetCluster(String fsid) {
        forgetting.forgetCluster(fsid, actingUser.name(), Instant.now());
        return Response.noContent().build();
    }

    @Override
    public Response forgetServer(String fqdn) {
        forgetting.forgetServer(fqdn, actingUser.name(), Instant.now());
        return Response.noContent().build();
    }

    @Override
    public JsonNode serverFacts(String fqdn) {
        return hosts.facts(fqdn);
    }

    @Override
    public Response controlDaemon(String fqdn, String daemon, DaemonForm form) {
        DaemonControls.Daemon found = DaemonControls.find(queries.daemons(fqdn), fqdn, daemon);
        return mutations.run(found.fsid(), DaemonControls.control(found, form,
                asked -> liveReads.read(SafetyCheck.okToStop(asked.fsid(), asked.name()))));
    }

    @Override
    public Response restartServerDaemons(String fqdn) {
        List<DaemonControls.Daemon> daemons = queries.daemons(fqdn);
        if (daemons.isEmpty()) {
            return Response.notModified().build();
        }
        return mutations.run(daemons.get(0).fsid(), DaemonControls.restartAll(fqdn, daemons));
    }

    @Override
    public Response createOsd(String fqdn, OsdForms.Create form) {
        String fsid = hosts.clusterOf(fqdn);
        return mutations.run(fsid, OsdLifecycle.create(fsid, fqdn, hosts.devices(fqdn), state.osdDump(fsid), form));
    }

    @Override
    public Response serverMaintenance(String fqdn, OsdForms.Maintenance form) {
        List<DaemonControls.Daemon> daemons = queries.daemons(fqdn);
        String fsid = daemons.isEmpty() ? hosts.clusterOf(fqdn) : daemons.get(0).fsid();
        return mutations.run(fsid, Maintenance.plan(fqdn, daemons, maintenanceHistory.stoppedOn(fsid, fqdn), state.osdDump(fsid), state.crushMap(fsid), form,
                osds -> liveReads.read(new SafetyCheck(fsid, osds, SafetyCheck.Check.OK_TO_STOP))));
    }

    @Override
    public HostDevicesView serverDevices(String fqdn) {
        return hosts.devices(fqdn);
    }

    @Override
    public List<String> serverLogs(String fqdn) {
        return hosts.logFiles(fqdn);
    }

    @Override
    public ServerLog serverLog(String fqdn, String path, String lines) {
        return hosts.logTail(fqdn, path, lines);
    }
}
