package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.cluster.ClusterEntity;
import io.loligo.cluster.cluster.SyncObjectEntity;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored copy of each cluster map. Reads too run in a transaction: the messaging threads that call them have
 * no request context for a session to live in.
 */
@ApplicationScoped
@Transactional
public class SyncObjects {

    /** Versions only: the maps themselves can weigh megabytes, and this runs at every heartbeat. */
    public Map<ClusterMap, Long> heldVersions(String fsid) {
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        SyncObjectEntity.getEntityManager()
                .createQuery("select s.key.map, s.version from SyncObjectEntity s where s.key.fsid = ?1", Object[].class)
                .setParameter(1, fsid)
                .getResultList()
                .forEach(row -> versions.put(ClusterMap.valueOf((String) row[0]), (Long) row[1]));
        return versions;
    }

    /**
     * Stores a fetched map unless a newer one is already held: replies can arrive late, or out of order when a
     * fetch was repeated.
     *
     * @return whether the map was stored, and the content it replaced (null for a cluster's first copy)
     */
    public Offered offer(CommandReply.MapContent fetched, String nodeId, Instant now) {
        if (ClusterEntity.findById(fetched.fsid()) == null) {
            // durable queues outlive their askers: a late reply can name a cluster this database no longer knows
            Log.infof("dropped a %s of cluster %s, which is not known here", fetched.map(), fetched.fsid());
            return new Offered(false, null);
        }
        SyncObjectEntity.Key key = new SyncObjectEntity.Key(fetched.fsid(), fetched.map().name());
        SyncObjectEntity held = SyncObjectEntity.findById(key);
        if (held != null && !fetched.map().isNewer(fetched.version(), held.version)) {
            Log.debugf("dropped a stale %s (version %d, holding %d)", fetched.map(), fetched.version(), held.version);
            return new Offered(false, null);
        }
        JsonNode previous = held == null ? null : held.content;
        if (held == null) {
            held = new SyncObjectEntity();
            held.key = key;
        }
        held.version = fetched.version();
        held.content = fetched.content();
        held.fetchedAt = now;
        held.fetchedFrom = nodeId;
        held.persist();
        Log.debugf("stored %s version %d from %s", fetched.map(), fetched.version(), nodeId);
        return new Offered(true, previous);
    }

    public record Offered(boolean stored, JsonNode previous) {
    }

    public Optional<Stored> get(String fsid, ClusterMap map) {
        return SyncObjectEntity.<SyncObjectEntity>findByIdOptional(new SyncObjectEntity.Key(fsid, map.name()))
                .map(object -> new Stored(object.version, object.content, object.fetchedAt));
    }

    public List<ClusterMap> held(String fsid) {
        return heldVersions(fsid).keySet().stream().sorted().toList();
    }

    public record Stored(long version, JsonNode content, Instant fetchedAt) {
    }
}
