package io.loligo.gateway.metrics;

import io.loligo.contracts.api.GraphiteApi;
import io.loligo.gateway.inventory.UpstreamProblems;
import io.loligo.gateway.kept.UpstreamAnswers;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metrics-service's Graphite API. */
@RegisterRestClient(configKey = "metrics-service")
@RegisterProvider(UpstreamProblems.class)
@RegisterProvider(UpstreamAnswers.class)
@Path("/internal/graphite")
public interface GraphiteServiceClient extends GraphiteApi {
}
