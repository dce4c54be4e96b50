package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** cluster-service's stream of committed changes. */
@RegisterRestClient(configKey = "cluster-service")
@Path("/internal/v2/stream")
public interface LiveStreamClient {
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<LiveUpdate> stream();
}
