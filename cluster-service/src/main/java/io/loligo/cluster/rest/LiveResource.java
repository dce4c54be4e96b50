package io.loligo.cluster.rest;

import io.loligo.cluster.live.LiveUpdates;
import io.loligo.contracts.api.LiveUpdate;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The changes the gateway relays to live clients, as server-sent events of JSON. */
@Path("/internal/v2/stream")
public class LiveResource {
    @Inject
    LiveUpdates updates;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveUpdate> stream() {
        return updates.stream();
    }
}
