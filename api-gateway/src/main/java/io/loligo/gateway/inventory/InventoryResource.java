package io.loligo.gateway.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.DaemonForm;
import io.loligo.contracts.api.HostDevicesView;
import io.loligo.contracts.api.InventoryApi;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.ServerView;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Clusters and servers for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class InventoryResource implements InventoryApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

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

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response forgetCluster(String fsid) {
        return Response.status(clusterService.forgetCluster(fsid).getStatus()).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response forgetServer(String fqdn) {
        return Response.status(clusterService.forgetServer(fqdn).getStatus()).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response controlDaemon(String fqdn, String daemon, DaemonForm form) {
        return mutations.passOn(() -> clusterService.controlDaemon(fqdn, daemon, form));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response restartServerDaemons(String fqdn) {
        return mutations.passOn(() -> clusterService.restartServerDaemons(fqdn));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createOsd(String fqdn, OsdForms.Create form) {
        return mutations.passOn(() -> clusterService.createOsd(fqdn, form));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response serverMaintenance(String fqdn, OsdForms.Maintenance form) {
        return mutations.passOn(() -> clusterService.serverMaintenance(fqdn, form));
    }

    @Override
    public JsonNode serverFacts(String fqdn) {
        return clusterService.serverFacts(fqdn);
    }

    @Override
    public HostDevicesView serverDevices(String fqdn) {
        return clusterService.serverDevices(fqdn);
    }

    @Override
    public List<String> serverLogs(String fqdn) {
        return clusterService.serverLogs(fqdn);
    }

    @Override
    public ServerLog serverLog(String fqdn, String path, String lines) {
        return clusterService.serverLog(fqdn, path, lines);
    }
}
