package io.loligo.cluster.sync;

import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.cluster.event.EventLog;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.Liveness;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each cluster's maps fresh, as Calamari's cthulhu did: heartbeats carry versions, and a map is fetched
 * through the cluster's favoured agent only when its version moves past the one held.
 */
@ApplicationScoped
public class MapSync {
    /** Calamari's FETCH_TIMEOUT: an answer later than this counts as lost, and the map is asked for again. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final FavouredAgents favourites = new FavouredAgents();
    private final FetchTracker fetches = new FetchTracker(FETCH_TIMEOUT);

    @Inject
    SyncObjects store;
    @Inject
    CommandSender commands;
    @Inject
    EventLog events;
    @Inject
    Event<MapStored> mapStored;
    @Inject
    RefusedAgentMessages refused;

    /** A newer copy of a map is held: what waits for a map version can look again. */
    public record MapStored(String fsid, ClusterMap map, long version) {
    }

    public void onHeartbeat(NodeHeartbeat heartbeat, Instant now) {
        Duration silenceLimit = Duration.ofSeconds((long) Liveness.MISSED_PERIODS * heartbeat.periodSeconds());
        for (ClusterReport report : heartbeat.clusters()) {
            if (favourites.heard(report.fsid(), heartbeat.nodeId(), now, silenceLimit)) {
                fetchWhatMoved(report, heartbeat.nodeId(), now);
            }
        }
    }

    /** The agent the cluster's reads go to, unless it has been silent too long. */
    public Optional<String> favouredAgent(String fsid, Instant now) {
        return favourites.current(fsid, now);
    }

    public void onReply(CommandReply reply, Instant now) {
        CommandReply.MapContent map = reply.map();
        if (reply.error() != null) {
            Log.warnf("agent %s could not run command %s: %s (%s)", reply.nodeId(), reply.commandId(),
                    reply.error().message(), reply.error().reason());
            return;
        }
        if (map == null) {
            return;
        }
        Optional<String> refusal = fetches.refusal(reply.commandId(), reply.nodeId(), map.fsid(), map.map(), map.version());
        if (refusal.isPresent()) {
            refused.refuse("unasked-map", "a %s of cluster %s from %s: %s", map.map(), map.fsid(), reply.nodeId(), refusal.get());
            return;
        }
        fetches.finish(map.fsid(), map.map(), reply.commandId());
        SyncObjects.Offered offered = store.offer(map, reply.nodeId(), now);
        // a cluster's first copy of a map is no change: nothing happened that an operator should hear of
        if (offered.stored() && offered.previous() != null) {
            events.recordMapChange(map.fsid(), map.map(), offered.previous(), map.content(), now);
        }
        if (offered.stored()) {
            mapStored.fire(new MapStored(map.fsid(), map.map(), map.version()));
        }
    }

    private void fetchWhatMoved(ClusterReport report, String nodeId, Instant now) {
        Map<ClusterMap, Long> held = store.heldVersions(report.fsid());
        report.mapVersions().forEach((map, version) -> {
            if (!map.isNewer(version, held.get(map))) {
                return;
            }
            fetches.overdue(report.fsid(), map, now).ifPresent(silent -> {
                Log.warnf("agent %s did not answer a fetch of %s within %s", silent, map, FETCH_TIMEOUT);
                favourites.unresponsive(report.fsid(), silent);
            });
            if (fetches.begin(report.fsid(), map, nodeId, now)) {
                String commandId = UUID.randomUUID().toString();
                fetches.sent(commandId, report.fsid(), map, nodeId, version, now);
                commands.send(commandId, nodeId, new FetchClusterMap(report.fsid(), map));
            }
        });
    }
}
