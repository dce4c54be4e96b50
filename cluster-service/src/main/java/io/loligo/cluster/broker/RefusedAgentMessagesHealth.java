package io.loligo.cluster.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** The agent messages refused, by reason, in the liveness check's data: it stays up, as a refusal harms nobody. */
@Liveness
@ApplicationScoped
public class RefusedAgentMessagesHealth implements HealthCheck {
    @Inject
    RefusedAgentMessages refused;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("agent messages refused").up();
        refused.counts().forEach(response::withData);
        return response.build();
    }
}
