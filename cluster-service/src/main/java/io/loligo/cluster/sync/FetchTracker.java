package io.loligo.cluster.sync;

import io.loligo.contracts.heartbeat.ClusterMap;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fetches on their way, so that a map is asked for once and asked again only when an answer is overdue, and so
 * that a map is taken only as the answer to a fetch this service sent to that agent. A fetch is remembered a while
 * past its timeout: a slow answer to a fetch that was asked again is still an answer.
 */
public class FetchTracker {
    /**
     * How far an epoch may have moved past the one a heartbeat reported while the fetch was on its way. Beyond it the
     * version is not believed: an epoch that jumped would keep every later copy of the map from being taken.
     */
    static final long EPOCH_SLACK = 1_000;
    /** How many timeouts an answer may come after its fetch. */
    private static final int REMEMBERED_TIMEOUTS = 6;

    private final Duration timeout;
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    public FetchTracker(Duration timeout) {
        this.timeout = timeout;
    }

    private record Key(String fsid, ClusterMap map) {
    }

    private record Pending(String nodeId, Instant sentAt) {
    }

    /** A fetch that left: to whom, for what, and the version a heartbeat had reported. */
    private record Sent(String fsid, ClusterMap map, String nodeId, long reportedVersion, Instant sentAt) {
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

    /** Records a fetch under the id it leaves with, before it leaves: its answer may come back at once. */
    public void sent(String commandId, String fsid, ClusterMap map, String nodeId, long reportedVersion, Instant now) {
        sent.entrySet().removeIf(entry -> entry.getValue().sentAt().plus(timeout.multipliedBy(REMEMBERED_TIMEOUTS)).isBefore(now));
        sent.put(commandId, new Sent(fsid, map, nodeId, reportedVersion, now));
    }

    /**
     * Why an answer is not to be taken, if it is not: it answers no fetch this service sent, came from another agent
     * than the one asked, is for another map, or carries an epoch too far past the one reported.
     */
    public Optional<String> refusal(String commandId, String nodeId, String fsid, ClusterMap map, long version) {
        Sent fetch = sent.get(commandId);
        if (fetch == null) {
            return Optional.of("it answers no fetch sent from here");
        }
        if (!fetch.nodeId().equals(nodeId) || !fetch.fsid().equals(fsid) || fetch.map() != map) {
            return Optional.of("the fetch went to " + fetch.nodeId() + " for " + fetch.map() + " of cluster " + fetch.fsid());
        }
        if (map.epochVersioned() && version > fetch.reportedVersion() + EPOCH_SLACK) {
            return Optional.of("version " + version + " is far past the " + fetch.reportedVersion() + " reported");
        }
        return Optional.empty();
    }

    /** The agent whose fetch of this map is overdue, if any. */
    public Optional<String> overdue(String fsid, ClusterMap map, Instant now) {
        Pending current = pending.get(new Key(fsid, map));
        return current != null && !current.sentAt().plus(timeout).isAfter(now)
                ? Optional.of(current.nodeId()) : Optional.empty();
    }

    public void finish(String fsid, ClusterMap map, String commandId) {
        pending.remove(new Key(fsid, map));
        sent.remove(commandId);
    }
}
