package io.loligo.cluster.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Which role this instance plays. A standby is ready too: it passes calls on to the leader. */
@Readiness
@ApplicationScoped
public class LeadershipHealth implements HealthCheck {
    @Inject
    Leadership leadership;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("leadership").up().withData("role", leadership.isLeader() ? "leader" : "standby").build();
    }
}
