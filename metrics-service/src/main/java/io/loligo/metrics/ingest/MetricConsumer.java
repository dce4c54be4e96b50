package io.loligo.metrics.ingest;

import io.loligo.contracts.bus.MessageSender;
import io.loligo.contracts.metrics.MetricBatch;
import io.loligo.contracts.wire.MessageTooLargeException;
import io.loligo.contracts.wire.RefusedMessages;
import io.loligo.contracts.wire.WireCodec;
import io.loligo.metrics.config.MetricsConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.runtime.jackson.QuarkusJacksonJsonCodec;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
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
 * than one stream, and each batch in hand costs heap. A batch that the broker does not vouch came from the agent it
 * names is dropped unread; one larger than its bound, or that cannot be read, is dropped too; each is counted and
 * logged sparingly. Anything else that fails hands the batch back to the broker (failure-strategy release).
 */
@ApplicationScoped
public class MetricConsumer {
    @Inject
    PointStore store;
    @Inject
    MetricsConfig config;
    @ConfigProperty(name = "amqp-username")
    String serviceUser;

    private final RefusedMessages refused = new RefusedMessages();

    private void refuse(String reason, String format, Object... arguments) {
        if (refused.count(reason)) {
            Log.warnf("%s (%s: %d so far)", String.format(format, arguments), reason, refused.counts().get(reason));
        }
    }

    /** The batches refused unread or unwritten, by reason, since the service started. */
    public Map<String, Long> refusedBatches() {
        return refused.counts();
    }

    /** A message's AMQP application properties, where a batch keeps all but its lines. */
    static Map<String, Object> properties(Message<?> message) {
        return message.getMetadata(IncomingAmqpMetadata.class).map(amqp -> amqp.getProperties().getMap()).orElse(Map.of());
    }

    /** First of all, before the channels open: the broker client parses JSON bodies before any check of ours. */
    void limitConnectorParsing(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        WireCodec.limitConnectorParsing(QuarkusJacksonJsonCodec.mapper());
    }

    @Incoming("metrics")
    @Blocking(value = "metric-writers", ordered = false)
    public CompletionStage<Void> onBatch(Message<?> message) throws InterruptedException {
        Map<String, Object> properties = properties(message);
        String sender = message.getMetadata(IncomingAmqpMetadata.class).map(IncomingAmqpMetadata::getUserId).orElse(null);
        // a dropped batch is acknowledged: handed back, it would come again for ever
        if (!MessageSender.vouchesFor(sender, MetricBatch.claimedNode(properties), serviceUser)) {
            refuse("not-its-own", "dropped a metric batch that names agent %s but came from broker user %s", MetricBatch.claimedNode(properties), sender);
            return message.ack();
        }
        MetricBatch batch;
        try {
            batch = MetricBatch.fromWire(message.getPayload(), properties, config.ingest().batchMaxBytes());
        } catch (MessageTooLargeException e) {
            refuse("too-large", "dropped a metric batch from %s: %s", sender, e.getMessage());
            return message.ack();
        } catch (IllegalArgumentException e) {
            refuse("malformed", "dropped a metric batch from %s that cannot be read: %s", sender, e.getMessage());
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
