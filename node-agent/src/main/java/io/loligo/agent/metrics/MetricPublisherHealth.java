package io.loligo.agent.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports what the metric publisher has sent, under {@code /q/health/ready}. Waiting batches do not make the agent
 * unready: the broker's own check says when it is away.
 */
@Readiness
@ApplicationScoped
public class MetricPublisherHealth implements HealthCheck {
    @Inject
    MetricPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("metric-publisher").up()
                .withData("points_accepted", publisher.pointsAccepted())
                .withData("points_given_up", publisher.pointsGivenUp())
                .withData("batches_waiting", publisher.batchesWaiting())
                .build();
    }
}
