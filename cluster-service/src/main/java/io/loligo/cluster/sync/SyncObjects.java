package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.leader.Leadership;
import io.loligo.contracts.ceph.SecretOptions;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.Unavailable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest copy of each cluster map. Copies are held in memory, where every query reads them, and archived in
 * PostgreSQL behind the update, so that a restart starts from them: parsing a large map back out of the database at
 * each query or update would cost more than the update itself.
 */
@ApplicationScoped
public class SyncObjects {
    private final Map<String, Map<ClusterMap, Stored>> copies = new ConcurrentHashMap<>();

    @Inject
    SyncObjectArchive archive;

    public Map<ClusterMap, Long> heldVersions(String fsid) {
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        copiesOf(fsid).forEach((map, stored) -> versions.put(map, stored.version()));
        return versions;
    }

    /**
     * Keeps a fetched map unless a newer one is already held: replies can arrive late, or out of order when a
     * fetch was repeated. Synchronised so that two replies for one map cannot both replace the same copy.
     *
     * @return whether the map was kept, and the content it replaced (null for a cluster's first copy)
     */
    public synchronized Offered offer(CommandReply.MapContent fetched, String nodeId, Instant now) {
        if (!archive.clusterKnown(fetched.fsid())) {
            // durable queues outlive their askers: a late reply can name a cluster this database no longer knows
            Log.infof("dropped a %s of cluster %s, which is not known here", fetched.map(), fetched.fsid());
            return new Offered(false, null);
        }
        Map<ClusterMap, Stored> held = copiesOf(fetched.fsid());
        Stored previous = held.get(fetched.map());
        if (previous != null && !fetched.map().isNewer(fetched.version(), previous.version())) {
            Log.debugf("dropped a stale %s (version %d, holding %d)", fetched.map(), fetched.version(), previous.version());
            return new Offered(false, null);
        }
        // whatever an agent sent, no secret option is kept, so that no reader, of any role, is shown one
        JsonNode content = fetched.map() == ClusterMap.CONFIG ? SecretOptions.redacted(fetched.content()) : fetched.content();
        Stored stored = new Stored(fetched.version(), content, now, nodeId);
        held.put(fetched.map(), stored);
        archive.save(fetched.fsid(), fetched.map(), stored);
        Log.debugf("stored %s version %d from %s", fetched.map(), fetched.version(), nodeId);
        return new Offered(true, previous == null ? null : previous.content());
    }

    public record Offered(boolean stored, JsonNode previous) {
    }

    /** The content held of a map, for a new copy to be read against; never reads the archive. */
    public JsonNode heldContent(String fsid, ClusterMap map) {
        Map<ClusterMap, Stored> held = copies.get(fsid);
        Stored stored = held == null ? null : held.get(map);
        return stored == null ? null : stored.content();
    }

    public Optional<Stored> get(String fsid, ClusterMap map) {
        return Optional.ofNullable(copiesOf(fsid).get(map));
    }

    /** @throws Unavailable {@code NotSynchronised} while the map has not been read yet */
    public Stored require(String fsid, ClusterMap map) {
        return get(fsid, map).orElseThrow(() -> notSynchronised(fsid, map));
    }

    public static Unavailable notSynchronised(String fsid, ClusterMap map) {
        return new Unavailable("NotSynchronised",
                "the " + map.syncType() + " of cluster " + fsid + " has not been read yet; retry in a few seconds");
    }

    /** Whether maps of the cluster are in memory now; never reads the archive, so an unknown fsid costs nothing. */
    public boolean holdsAny(String fsid) {
        Map<ClusterMap, Stored> held = copies.get(fsid);
        return held != null && !held.isEmpty();
    }

    public List<ClusterMap> held(String fsid) {
        return copiesOf(fsid).keySet().stream().sorted().toList();
    }

    /** Drops the copies of a cluster that is forgotten; the archive lost them with the cluster's row. */
    public void forget(String fsid) {
        copies.remove(fsid);
    }

    /** A new leader starts from the maps as the last one archived them, not as this instance may once have read them. */
    void reload(@Observes Leadership.BecameLeader leading) {
        copies.clear();
    }

    private Map<ClusterMap, Stored> copiesOf(String fsid) {
        return copies.computeIfAbsent(fsid, archive::load);
    }

    public record Stored(long version, JsonNode content, Instant fetchedAt, String fetchedFrom) {
    }
}
