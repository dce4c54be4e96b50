package io.loligo.cluster.alert;

import io.loligo.contracts.api.MetricsApi;
import io.loligo.contracts.identity.ServiceTokenSigning;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** metrics-service's internal API, declared once in the contracts: the series metric rules are evaluated from. */
@RegisterRestClient(configKey = "metrics-service")
@RegisterProvider(MetricsServiceClient.Signer.class)
@Path("/internal/v2")
public interface MetricsServiceClient extends MetricsApi {
    /** Signs cluster-service's own calls, as metrics-service requires of every caller. */
    class Signer extends ServiceTokenSigning {
    }
}
