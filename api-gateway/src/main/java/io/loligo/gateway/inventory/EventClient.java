package io.loligo.gateway.inventory;

import io.loligo.contracts.api.EventApi;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** cluster-service's internal event API. */
@RegisterRestClient(configKey = "cluster-service")
@RegisterProvider(UpstreamProblems.class)
@Path("/internal/v2")
public interface EventClient extends EventApi {
}
