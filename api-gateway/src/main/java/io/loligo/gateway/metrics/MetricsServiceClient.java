package io.loligo.gateway.metrics;

import io.loligo.contracts.api.MetricsApi;
import io.loligo.gateway.inventory.UpstreamProblems;
import io.loligo.gateway.kept.UpstreamAnswers;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metrics-service's internal API, declared once in the contracts. */
@RegisterRestClient(configKey = "metrics-service")
@RegisterProvider(UpstreamProblems.class)
@RegisterProvider(UpstreamAnswers.class)
@Path("/internal/v2")
public interface MetricsServiceClient extends MetricsApi {
}
