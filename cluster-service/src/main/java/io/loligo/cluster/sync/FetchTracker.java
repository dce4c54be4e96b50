package io.loligo.cluster.sync;

import io.loligo.contracts.heartbeat.ClusterMap;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The fetches on their way, so that a map is asked for once and asked again only when an answer is overdue. */
public class FetchTracker {
    private final Duration timeout;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

    public FetchTracker(Duration timeout) {
        this.timeout = timeout;
    }

    private record Key(String fsid, ClusterMap map) {
    }

    private record Pending(String nodeId, Instant sentAt) {
    }

    /** Whether to send a fetch now; if so, it counts as sent. */
    public boolean begin(String fsid, ClusterMap map, String nodeId, Instant now) {
        boolean[] begun = {false};
        pending.compute(new Key(fsid, map), (key, current) -> {
            if (current != null && current.sentAt().plus(timeout).isAfter(now)) {
                return current;
            }
            begun[0] = true;
            return new Pending(nodeId, now);
        });
        return begun[0];
    }

    /** The agent whose fetch of this map is overdue, if any. */
    public Optional<String> overdue(String fsid, ClusterMap map, Instant now) {
        Pending current = pending.get(new Key(fsid, map));
        return current != null && !current.sentAt().plus(timeout).isAfter(now)
                ? Optional.of(current.nodeId()) : Optional.empty();
    }

    public void finish(String fsid, ClusterMap map) {
        pending.remove(new Key(fsid, map));
    }
}
