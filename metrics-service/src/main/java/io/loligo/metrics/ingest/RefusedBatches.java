package io.loligo.metrics.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** The batches refused unread, by reason, in the liveness check's data: it stays up, as a refusal harms nobody. */
@Liveness
@ApplicationScoped
public class RefusedBatches implements HealthCheck {
    @Inject
    MetricConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("metric batches refused").up();
        consumer.refusedBatches().forEach(response::withData);
        return response.build();
    }
}
