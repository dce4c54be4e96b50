package io.loligo.metrics.influx;

import io.loligo.metrics.ingest.DroppedBatches;
import io.loligo.metrics.ingest.PointStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while InfluxDB answers and holds our database: a batch accepted now could not be stored otherwise. */
@Readiness
@ApplicationScoped
public class InfluxReadiness implements HealthCheck {
    @Inject
    InfluxConnection influx;
    @Inject
    PointStore store;
    @Inject
    DroppedBatches dropped;

    @Override
    public HealthCheckResponse call() {
        try {
            String version = influx.ping();
            influx.ensureSchema();
            return HealthCheckResponse.named("influxdb").up()
                    .withData("version", version).withData("database", influx.database())
                    .withData("points_stored", store.pointsStored())
                    .withData("points_dropped_by_broker", dropped.pointsDropped()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("influxdb").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
