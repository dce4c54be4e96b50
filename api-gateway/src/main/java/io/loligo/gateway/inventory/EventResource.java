package io.loligo.gateway.inventory;

import io.loligo.contracts.api.EventApi;
import io.loligo.contracts.api.EventView;
import io.loligo.contracts.api.Page;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Events for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class EventResource implements EventApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public Page<EventView> events(String severity, String page, String pageSize) {
        return clusterService.events(severity, page, pageSize);
    }

    @Override
    public Page<EventView> clusterEvents(String fsid, String severity, String page, String pageSize) {
        return clusterService.clusterEvents(fsid, severity, page, pageSize);
    }

    @Override
    public Page<EventView> serverEvents(String fqdn, String severity, String page, String pageSize) {
        return clusterService.serverEvents(fqdn, severity, page, pageSize);
    }
}
