package io.loligo.metrics.ingest;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts and logs the batches the broker dropped from a full metric queue: they come here, dead-lettered, so that
 * a loss is said out loud rather than found later as a gap.
 */
@ApplicationScoped
public class DroppedBatches {
    private final AtomicLong pointsDropped = new AtomicLong();

    @Incoming("dropped")
    public CompletionStage<Void> onDropped(Message<?> message) {
        Map<String, Object> properties = MetricConsumer.properties(message);
        long points = properties.get("points") instanceof Number number ? number.longValue() : 0;
        pointsDropped.addAndGet(points);
        Log.errorf("the broker dropped a batch of %d points from %s: the metric queue was full while InfluxDB or metrics-service "
                + "was away (%d points dropped since start)", points, properties.getOrDefault("node_id", "an unknown agent"), pointsDropped.get());
        return message.ack();
    }

    /** Points the broker dropped, as counted since the service started. */
    public long pointsDropped() {
        return pointsDropped.get();
    }
}
