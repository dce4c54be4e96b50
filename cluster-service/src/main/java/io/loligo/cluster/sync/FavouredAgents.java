package io.loligo.cluster.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agent each cluster's maps are fetched through. One agent at a time, so that fetches are not repeated by
 * every agent that reaches the cluster; another takes over when the favourite falls silent or stops answering.
 * Held in memory: after a restart the first heartbeat of each cluster chooses again.
 */
public class FavouredAgents {
    private final Map<String, Favourite> byCluster = new ConcurrentHashMap<>();

    private record Favourite(String nodeId, Instant lastHeard, Duration silenceLimit) {
    }

    /**
     * Records that {@code nodeId} reported cluster {@code fsid}, and says whether it is the cluster's favourite now.
     *
     * @param silenceLimit how long this agent may stay silent before another one takes over
     */
    public boolean heard(String fsid, String nodeId, Instant now, Duration silenceLimit) {
        Favourite next = byCluster.compute(fsid, (key, current) -> {
            boolean keep = current != null && !current.nodeId().equals(nodeId)
                    && current.lastHeard().plus(current.silenceLimit()).isAfter(now);
            return keep ? current : new Favourite(nodeId, now, silenceLimit);
        });
        return next.nodeId().equals(nodeId);
    }

    public Optional<String> current(String fsid, Instant now) {
        Favourite favourite = byCluster.get(fsid);
        return favourite == null || !favourite.lastHeard().plus(favourite.silenceLimit()).isAfter(now)
                ? Optional.empty() : Optional.of(favourite.nodeId());
    }

    /** The favourite did not answer a fetch in time: the next agent to report the cluster takes over. */
    public void unresponsive(String fsid, String nodeId) {
        byCluster.computeIfPresent(fsid, (key, current) -> current.nodeId().equals(nodeId) ? null : current);
    }
}
