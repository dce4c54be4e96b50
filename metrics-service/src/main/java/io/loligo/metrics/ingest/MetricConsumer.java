package io.loligo.metrics.ingest;

import io.loligo.contracts.bus.MessageSender;
import io.loligo.contracts.metrics.MetricBatch;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Takes the agents' metric batches from the durable queue and acknowledges each only once InfluxDB holds it, so a
 * batch is lost neither when InfluxDB is away nor when this service stops half way. Batches are written a few at a
 * time ({@code smallrye.messaging.worker.metric-writers.max-concurrency}): InfluxDB takes concurrent writes faster
 * than one stream, and each batch in hand costs heap. A batch that cannot be read, or that the broker does not vouch
 * came from the agent it names, is logged and dropped; anything else that fails hands the batch back to the broker
 * (failure-strategy release).
 */
@ApplicationScoped
public class MetricConsumer {
    @Inject
    PointStore store;
    @ConfigProperty(name = "amqp-username")
    String serviceUser;

    /** A message's AMQP application properties, where a batch keeps all but its lines. */
    static Map<String, Object> properties(Message<?> message) {
        return message.getMetadata(IncomingAmqpMetadata.class).map(amqp -> amqp.getProperties().getMap()).orElse(Map.of());
    }

    @Incoming("metrics")
    @Blocking(value = "metric-writers", ordered = false)
    public CompletionStage<Void> onBatch(Message<?> message) throws InterruptedException {
        MetricBatch batch;
        try {
            batch = MetricBatch.fromWire(message.getPayload(), properties(message));
        } catch (IllegalArgumentException e) {
            // handed back, it would come again for ever
            Log.errorf("dropped a metric batch that cannot be read: %s", e.getMessage());
            return message.ack();
        }
        String sender = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getUserId).orElse(null);
        if (!MessageSender.vouchesFor(sender, batch.nodeId(), serviceUser)) {
            Log.warnf("dropped a metric batch that names agent %s but came from broker user %s", batch.nodeId(), sender);
            return message.ack();
        }
        MDC.put("node", batch.nodeId());
        try {
            store.storeUntilAccepted(batch);
            return message.ack();
        } finally {
            MDC.remove("node");
        }
    }
}
