package io.loligo.agent.metrics;

import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.Liveness;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Decides which agent writes a cluster's own series (cluster, pools, OSDs): of the accepted agents that reach the
 * cluster and are not late, as cluster-service judges lateness ({@link Liveness}), the one with the lowest node id.
 * Every agent hears the accepted agents' heartbeats, as cluster-service passes them on, so they agree without
 * talking, and when that agent stops, the next one takes over once it is late. An agent that hears others but not
 * itself is not accepted (yet), and leaves the series to them. For a moment two may both write, as they all do while
 * cluster-service is away; their points carry the same times, so InfluxDB keeps one.
 */
@ApplicationScoped
public class ClusterSeriesDuty {
    private final WireCodec codec = new WireCodec();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Set<String> heardAsAccepted = ConcurrentHashMap.newKeySet();

    private record Peer(Set<String> fsids, Instant lateAfter) {
        boolean alive(Instant now) {
            return lateAfter.isAfter(now);
        }
    }

    @Incoming("peers")
    public CompletionStage<Void> onHeartbeat(Message<?> message) {
        try {
            NodeHeartbeat heartbeat = codec.decode(message.getPayload(), NodeHeartbeat.class);
            heard(heartbeat, Instant.now());
        } catch (IllegalStateException | IllegalArgumentException e) {
            Log.debugf("ignored a heartbeat that could not be read: %s", e.getMessage());
        }
        return message.ack();
    }

    void heard(NodeHeartbeat heartbeat, Instant now) {
        Set<String> fsids = heartbeat.clusters().stream().map(ClusterReport::fsid).collect(Collectors.toSet());
        peers.put(heartbeat.nodeId(), new Peer(fsids, Liveness.lateAfter(now, heartbeat.periodSeconds())));
        heardAsAccepted.add(heartbeat.nodeId());
    }

    /**
     * Whether cluster-service has passed on this agent's own heartbeat since it started, which it does for accepted
     * agents only. An agent accepted and then rejected is not told: the broker refuses it from then on.
     */
    public boolean isAccepted(String nodeId) {
        return heardAsAccepted.contains(nodeId);
    }

    /** Whether this agent, which reaches the cluster, is the one to write its series now. */
    public boolean isMine(String nodeId, String fsid, Instant now) {
        List<String> alive = peers.entrySet().stream()
                .filter(peer -> peer.getValue().fsids().contains(fsid) && peer.getValue().alive(now))
                .map(Map.Entry::getKey)
                .toList();
        return (alive.isEmpty() || alive.contains(nodeId)) && alive.stream().allMatch(other -> other.compareTo(nodeId) >= 0);
    }
}
