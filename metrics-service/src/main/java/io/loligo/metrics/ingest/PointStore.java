package io.loligo.metrics.ingest;

import io.loligo.contracts.metrics.MetricBatch;
import io.loligo.metrics.influx.InfluxConnection;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.influxdb.InfluxDBException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes batches to InfluxDB, and while InfluxDB cannot take them, keeps trying: the batch's message is settled
 * only after this returns, so everything not yet written waits in the broker, not here.
 */
@ApplicationScoped
public class PointStore {
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final AtomicBoolean influxAway = new AtomicBoolean();
    private final AtomicLong pointsStored = new AtomicLong();

    @Inject
    InfluxConnection influx;

    /** Returns once InfluxDB holds the batch, or has refused its points for good (logged). */
    public void storeUntilAccepted(MetricBatch batch) throws InterruptedException {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                influx.ensureSchema();
                influx.write(batch.lines());
                pointsStored.addAndGet(batch.points());
                if (influxAway.compareAndSet(true, false)) {
                    Log.infof("InfluxDB takes points again; the batches that waited in the broker follow");
                }
                return;
            } catch (InfluxDBException e) {
                if (e instanceof InfluxDBException.DatabaseNotFoundException) {
                    influx.schemaLost();
                } else if (!e.isRetryWorth()) {
                    // such as points older than the raw retention: InfluxDB kept the others, and never will keep these
                    Log.errorf("InfluxDB refused points of a batch of %d from %s for good: %s", batch.points(), batch.nodeId(), e.getMessage());
                    return;
                }
                waitFor(e.getMessage(), wait);
            } catch (IllegalStateException e) {
                // the schema could not be set up: InfluxDB is starting or refusing
                waitFor(e.getMessage(), wait);
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** Points written since the service started. */
    public long pointsStored() {
        return pointsStored.get();
    }

    private void waitFor(String reason, Duration wait) throws InterruptedException {
        if (influxAway.compareAndSet(false, true)) {
            Log.warnf("InfluxDB cannot take points (%s); batches wait in the broker, bounded by its queue policy, until it can", reason);
        }
        Thread.sleep(wait.toMillis());
    }
}
