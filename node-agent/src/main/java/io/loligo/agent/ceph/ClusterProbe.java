package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the agent's view of its cluster fresh, on its own thread: a mon outage costs this probe up to the connect
 * and command timeouts, and must not delay the heartbeats, which only read the last result. When a map version
 * moves, it says so at once (see {@link VersionsMoved}).
 */
@ApplicationScoped
public class ClusterProbe {
    private final AgentConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<Observation> latest = new AtomicReference<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final Event<VersionsMoved> versionsMoved;
    /** Outlives connections: a mgr that stopped answering has not come back because the agent reconnected. */
    private final MgrGate mgr = new MgrGate();
    private MonCommands handle;
    private String lastFailure;

    @Inject
    public ClusterProbe(AgentConfig config, ObjectMapper mapper, Event<VersionsMoved> versionsMoved) {
        this.config = config;
        this.mapper = mapper;
        this.versionsMoved = versionsMoved;
        this.clock = Clock.systemUTC();
    }

    /** The last report, if it is recent enough to stand for the cluster's state now. */
    public Optional<ClusterReport> current() {
        Observation observation = latest.get();
        Instant freshness = clock.instant().minus(config.heartbeatPeriod().multipliedBy(2).plus(config.clusterPollInterval()));
        return observation == null || observation.at().isBefore(freshness)
                ? Optional.empty() : Optional.of(observation.report());
    }

    void onStart(@Observes StartupEvent event) {
        long interval = config.clusterPollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Reads the versions now rather than at the next tick: after a change, the maps are known to move. */
    public void pollSoon() {
        poller.execute(this::poll);
    }

    /** One poll. An exception escaping it would end the schedule for good, so none does. */
    private void poll() {
        try {
            refresh().ifPresent(report -> versionsMoved.fire(new VersionsMoved(report)));
        } catch (RuntimeException e) {
            Log.errorf(e, "reading the cluster's map versions failed unexpectedly");
        }
    }

    /** @return the new report when a map version moved since the last poll */
    synchronized Optional<ClusterReport> refresh() {
        Path conf = config.ceph().conf();
        if (!Files.isReadable(conf)) {
            reportFailure("no readable cluster config at " + conf + "; reporting the host only");
            return Optional.empty();
        }
        try {
            MonCommands connected = connected();
            ClusterReport report = new ClusterReport(connected.handle().fsid(), config.ceph().clusterName(),
                    new ClusterMapReader(connected, mapper).versions());
            Observation previous = latest.getAndSet(new Observation(report, clock.instant()));
            if (lastFailure != null) {
                Log.infof("reaching cluster %s again", report.fsid());
                lastFailure = null;
            }
            return previous != null && !previous.report().equals(report) ? Optional.of(report) : Optional.empty();
        } catch (RadosException | UncheckedIOException e) {
            reportFailure(e.getMessage());
            disconnect();
            return Optional.empty();
        }
    }

    /** Reads through the agent's connection: a map, the usage, the cluster log. */
    public synchronized <T> T read(Function<ClusterMapReader, T> reading) {
        return reading.apply(new ClusterMapReader(connected(), mapper));
    }

    /** Changes the cluster through the agent's connection: a mon command whose answer says nothing more. */
    public synchronized void change(Consumer<ClusterMapReader> change) {
        change.accept(new ClusterMapReader(connected(), mapper));
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.shutdownNow();
        disconnect();
    }

    /** What the agent knows of the mgr's answering, for the other connections that send it commands. */
    MgrGate mgrGate() {
        return mgr;
    }

    /** A map version moved: whoever reports the cluster should say so now rather than at the next period. */
    public record VersionsMoved(ClusterReport report) {
    }

    private MonCommands connected() {
        if (handle == null) {
            handle = new MonCommands(RadosHandle.connected(RadosSettings.from(config.ceph())), mgr, mapper, clock);
        }
        return handle;
    }

    private synchronized void disconnect() {
        if (handle != null) {
            handle.handle().close();
            handle = null;
        }
    }

    private void reportFailure(String reason) {
        // once per distinct failure: a cluster that stays unreachable must not flood the log every period
        if (!reason.equals(lastFailure)) {
            Log.warnf("cannot reach the cluster through librados: %s", reason);
            lastFailure = reason;
        }
    }

    private record Observation(ClusterReport report, Instant at) {
    }
}
