package io.loligo.gateway.inventory;

import io.loligo.contracts.api.PoolApi;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** cluster-service's internal pool API. */
@RegisterRestClient(configKey = "cluster-service")
@RegisterProvider(UpstreamProblems.class)
@Path("/internal/v2")
public interface PoolClient extends PoolApi {
}
