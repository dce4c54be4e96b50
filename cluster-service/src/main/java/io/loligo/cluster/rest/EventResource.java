package io.loligo.cluster.rest;

import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.contracts.api.EventApi;
import io.loligo.contracts.api.EventView;
import io.loligo.contracts.api.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** Events for api-gateway. */
@Path("/internal/v2")
public class EventResource implements EventApi {
    @Inject
    EventLog events;
    @Inject
    InventoryQueries inventory;

    @Override
    public Page<EventView> events(String severity, String page, String pageSize) {
        return events.page(null, null, severity, page, pageSize);
    }

    @Override
    public Page<EventView> clusterEvents(String fsid, String severity, String page, String pageSize) {
        inventory.requireCluster(fsid);
        return events.page(fsid, null, severity, page, pageSize);
    }

    @Override
    public Page<EventView> serverEvents(String fqdn, String severity, String page, String pageSize) {
        inventory.requireServer(fqdn);
        return events.page(null, fqdn, severity, page, pageSize);
    }
}
