package io.loligo.agent.metrics;

import io.loligo.agent.ceph.ClusterMapReader;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.ceph.MgrUnavailableException;
import io.loligo.agent.ceph.RadosException;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.identity.BrokerLogin;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.metrics.LineProtocol;
import io.loligo.contracts.metrics.MetricBatch;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects the host's series, and the cluster's when it is this agent's duty, once per interval, and sends them to
 * metrics-service's durable queue. A batch leaves the agent's memory only once the broker has taken it: while the
 * broker is away or refuses (its queue full), batches wait here, the oldest given up first when too many wait. An
 * agent that logs in with its key also keeps them until it knows it is accepted: the broker would refuse them, and
 * close the connection for each.
 */
@ApplicationScoped
public class MetricPublisher {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    // the one thread that owns the state below it, up to the counters: no lock, and the broker's answers queue for it
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "metric-publisher"));
    private final Deque<MetricBatch> waiting = new ArrayDeque<>();
    private final InFlightBatches inFlight = new InFlightBatches();
    private long lastSlot;
    private boolean writingClusterSeries;
    private boolean waitingForAcceptance;
    private boolean stopping;

    // read by the health check from any thread
    private final AtomicLong pointsAccepted = new AtomicLong();
    private final AtomicLong pointsGivenUp = new AtomicLong();
    private volatile int batchesWaiting;

    private final ExecutorService clusterReads = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "cluster-series"));
    private final AtomicBoolean readingCluster = new AtomicBoolean();

    @Inject
    AgentConfig config;
    @Inject
    HostCollector host;
    @Inject
    ClusterProbe cluster;
    @Inject
    ClusterSeriesDuty duty;
    @Inject
    BrokerLogin brokerLogin;
    @Inject
    @Channel("metrics")
    Emitter<byte[]> emitter;

    @Scheduled(every = "${loligo.agent.metrics.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void collectAndSend() {
        try {
            // waited for, so that the scheduler skips a slot rather than queue runs behind a slow one
            onPublisher(() -> {
                // never while the agent stops: the totals it logs then must be final
                if (!stopping) {
                    collectAndSend(Instant.now());
                }
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collectAndSend(Instant now) {
        // on the interval's grid: two agents writing one cluster's series for a moment write the same points
        long interval = config.metrics().interval().toSeconds();
        long at = now.getEpochSecond() / interval * interval;
        if (at == lastSlot) {
            // a late run landed in the slot the previous one filled: one point per series and slot
            return;
        }
        lastSlot = at;
        LineProtocol lines = new LineProtocol();
        host.collect(lines, at);
        if (!lines.isEmpty()) {
            enqueue(MetricBatch.of(config.nodeId(), lines));
        }
        cluster.current().map(ClusterReport::fsid).filter(fsid -> mine(fsid, now)).ifPresent(fsid -> readClusterSeries(fsid, at));
        sendWaiting(now);
    }

    /**
     * Reads the cluster's series for a slot on a thread of their own, in a batch of their own: a mon or mgr that does
     * not answer holds up its reads for the commands' timeout, and must not cost the host a single point. A slot that
     * comes while the last read still waits goes without the cluster's series.
     */
    private void readClusterSeries(String fsid, long at) {
        if (!readingCluster.compareAndSet(false, true)) {
            return;
        }
        clusterReads.execute(() -> {
            try {
                LineProtocol lines = new LineProtocol();
                ClusterMetrics.all(lines, fsid, cluster.read(ClusterMapReader::metricReadings), at);
                publish(() -> {
                    if (!stopping) {
                        enqueue(MetricBatch.of(config.nodeId(), lines));
                        sendWaiting(Instant.now());
                    }
                });
            } catch (RadosException | MgrUnavailableException | UncheckedIOException e) {
                // the cluster's figures are the mgr's, even those status shows: none is better than stale ones
                Log.warnf("could not read the series of cluster %s: %s", fsid, e.getMessage());
            } finally {
                readingCluster.set(false);
            }
        });
    }

    /** Whether this agent writes the cluster's own series now; says so when that changes. */
    private boolean mine(String fsid, Instant now) {
        boolean mine = duty.isMine(config.nodeId(), fsid, now);
        if (mine != writingClusterSeries) {
            writingClusterSeries = mine;
            Log.infof(mine ? "this agent now writes the series of cluster %s" : "another agent now writes the series of cluster %s", fsid);
        }
        return mine;
    }

    /** Points the broker has taken since the agent started. */
    public long pointsAccepted() {
        return pointsAccepted.get();
    }

    /** Points given up because too many batches waited for the broker. */
    public long pointsGivenUp() {
        return pointsGivenUp.get();
    }

    public int batchesWaiting() {
        return batchesWaiting;
    }

    private void enqueue(MetricBatch batch) {
        waiting.addLast(batch);
        while (waiting.size() > config.metrics().maxWaitingBatches()) {
            MetricBatch dropped = waiting.removeFirst();
            pointsGivenUp.addAndGet(dropped.points());
            Log.warnf("gave up %d points: %d batches already wait for the broker (loligo.agent.metrics.max-waiting-batches)",
                    dropped.points(), waiting.size());
        }
        batchesWaiting = waiting.size();
    }

    private void sendWaiting(Instant now) {
        List<MetricBatch> overdue = inFlight.takeOverdue(now, config.metrics().settleTimeout());
        if (!overdue.isEmpty()) {
            Log.warnf("%d batches went unsettled for %s, their connection lost: kept to send again (loligo.agent.metrics.settle-timeout)",
                    overdue.size(), config.metrics().settleTimeout());
            for (int i = overdue.size() - 1; i >= 0; i--) {
                waiting.addFirst(overdue.get(i));
            }
        }
        if (!mayPublish()) {
            return;
        }
        while (inFlight.size() < config.metrics().maxInFlight() && !waiting.isEmpty()) {
            send(waiting.removeFirst(), now);
        }
        batchesWaiting = waiting.size();
    }

    private boolean mayPublish() {
        boolean waitsForAcceptance = config.brokerLogin() == AgentConfig.BrokerLogin.KEY && !duty.isAccepted(config.nodeId());
        if (waitsForAcceptance != waitingForAcceptance) {
            waitingForAcceptance = waitsForAcceptance;
            Log.infof(waitsForAcceptance ? "metric batches wait until an administrator accepts this agent"
                    : "this agent is accepted: sending the %d metric batches that wait", waiting.size());
        }
        return !waitsForAcceptance;
    }

    private void send(MetricBatch batch, Instant now) {
        InFlightBatches.Sent sent = inFlight.add(batch, now);
        WireCodec.WireMessage body = batch.body();
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder().withContentType(body.contentType()).withUserId(brokerLogin.username()).withDurable(true)
                .withApplicationProperties(new JsonObject(batch.properties())).build();
        emitter.send(Message.of(body.body(), Metadata.of(amqp))
                .withAck(() -> {
                    publish(() -> settled(sent, true));
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    Log.warnf("the broker did not take %d points, kept to send again: %s", batch.points(), failure.getMessage());
                    publish(() -> settled(sent, false));
                    return CompletableFuture.completedFuture(null);
                }));
    }

    private void settled(InFlightBatches.Sent sent, boolean accepted) {
        if (!inFlight.settle(sent)) {
            return;
        }
        if (accepted) {
            pointsAccepted.addAndGet(sent.batch().points());
        } else {
            // first in line again, so that points keep their order
            waiting.addFirst(sent.batch());
            batchesWaiting = waiting.size();
        }
    }

    /** Stops collecting and gives the batches in flight a moment to be taken, so that the totals logged are final. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        onPublisher(() -> stopping = true);
        clusterReads.shutdownNow();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (onPublisher(inFlight::size) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(STOP_GRACE.toMillis() / 10);
        }
        onPublisher(() -> {
            Log.infof("metric points taken by the broker: %d; given up: %d; batches not taken: %d", pointsAccepted.get(),
                    pointsGivenUp.get(), waiting.size() + inFlight.size());
            return null;
        });
        publisher.shutdown();
    }

    /** Hands work to the publisher thread; the broker's late answers after the stop find it gone, and are dropped. */
    private void publish(Runnable work) {
        try {
            publisher.execute(work);
        } catch (RejectedExecutionException stopped) {
            Log.debugf("a broker's answer came after the publisher stopped");
        }
    }

    private <T> T onPublisher(Callable<T> work) throws InterruptedException {
        try {
            return publisher.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
