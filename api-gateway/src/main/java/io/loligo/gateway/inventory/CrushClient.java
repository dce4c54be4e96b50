package io.loligo.gateway.inventory;

import io.loligo.contracts.api.CrushApi;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** cluster-service's internal CRUSH API. */
@RegisterRestClient(configKey = "cluster-service")
@RegisterProvider(UpstreamProblems.class)
@Path("/internal/v2")
public interface CrushClient extends CrushApi {
}
