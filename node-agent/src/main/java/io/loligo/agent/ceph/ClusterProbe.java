package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the agent's view of its cluster fresh, on its own schedule: a mon outage costs this probe up to the
 * connect and command timeouts, and must not delay the heartbeats, which only read the last result.
 */
@ApplicationScoped
public class ClusterProbe {
    private final AgentConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<Observation> latest = new AtomicReference<>();
    private RadosHandle handle;
    private String lastFailure;

    @Inject
    public ClusterProbe(AgentConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    /** The last report, if it is recent enough to stand for the cluster's state now. */
    public Optional<ClusterReport> current() {
        Observation observation = latest.get();
        Instant freshness = clock.instant().minus(config.heartbeatPeriod().multipliedBy(2));
        return observation == null || observation.at().isBefore(freshness)
                ? Optional.empty() : Optional.of(observation.report());
    }

    @Scheduled(every = "${loligo.agent.heartbeat-period}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void refresh() {
        Path conf = config.ceph().conf();
        if (!Files.isReadable(conf)) {
            reportFailure("no readable cluster config at " + conf + "; reporting the host only");
            return;
        }
        try {
            RadosHandle connected = connected();
            ClusterReport report = new ClusterReport(connected.fsid(), config.ceph().clusterName(),
                    new ClusterMapReader(connected, mapper).versions());
            latest.set(new Observation(report, clock.instant()));
            if (lastFailure != null) {
                Log.infof("reaching cluster %s again", report.fsid());
                lastFailure = null;
            }
        } catch (RadosException | UncheckedIOException e) {
            reportFailure(e.getMessage());
            disconnect();
        }
    }

    /** Reads one map's content through the agent's connection. */
    public synchronized ClusterMapReader.Versioned read(ClusterMap map) {
        return new ClusterMapReader(connected(), mapper).read(map);
    }

    /** Runs a command on the monitors through the agent's connection. */
    public synchronized CommandResult monCommand(String json) {
        return connected().monCommand(json);
    }

    void onStop(@Observes ShutdownEvent event) {
        disconnect();
    }

    private RadosHandle connected() {
        if (handle == null) {
            RadosHandle fresh = RadosHandle.open(RadosSettings.from(config.ceph()));
            try {
                fresh.connect();
            } catch (RuntimeException e) {
                fresh.close();
                throw e;
            }
            handle = fresh;
        }
        return handle;
    }

    private synchronized void disconnect() {
        if (handle != null) {
            handle.close();
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
