package io.loligo.cluster.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.known.SyncObjectEntity;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.wire.Gzip;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The copies of the maps in PostgreSQL. Writes happen on one thread behind the updates, newest copy only: a copy
 * superseded before it was written is never written. Pending writes are finished at shutdown.
 */
@ApplicationScoped
public class SyncObjectArchive {
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<SyncObjectEntity.Key, SyncObjects.Stored> pending = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "sync-object-archive"));

    @Transactional
    public boolean clusterKnown(String fsid) {
        return ClusterEntity.findById(fsid) != null;
    }

    /** A cluster's archived copies; one that cannot be read is left out and so fetched again. */
    @Transactional
    public Map<ClusterMap, SyncObjects.Stored> load(String fsid) {
        Map<ClusterMap, SyncObjects.Stored> copies = new ConcurrentHashMap<>();
        for (SyncObjectEntity row : SyncObjectEntity.<SyncObjectEntity>list("key.fsid", fsid)) {
            try (InputStream json = Gzip.open(row.contentGzip)) {
                copies.put(ClusterMap.valueOf(row.key.map()),
                        new SyncObjects.Stored(row.version, mapper.readTree(json), row.fetchedAt, row.fetchedFrom));
            } catch (IOException | IllegalArgumentException e) {
                Log.warnf("ignored the archived %s of cluster %s: %s", row.key.map(), fsid, e.getMessage());
            }
        }
        return copies;
    }

    void save(String fsid, ClusterMap map, SyncObjects.Stored stored) {
        pending.put(new SyncObjectEntity.Key(fsid, map.name()), stored);
        writer.execute(this::writePending);
    }

    private void writePending() {
        for (SyncObjectEntity.Key key : pending.keySet()) {
            SyncObjects.Stored stored = pending.remove(key);
            if (stored == null) {
                continue;
            }
            try {
                byte[] content = Gzip.compress(mapper.writeValueAsBytes(stored.content()));
                QuarkusTransaction.requiringNew().run(() -> write(key, stored, content));
            } catch (IOException | RuntimeException e) {
                // the copy in memory still serves; after a restart the agents' versions bring the map back
                Log.errorf(e, "could not archive the %s of cluster %s", key.map(), key.fsid());
            }
        }
    }

    private static void write(SyncObjectEntity.Key key, SyncObjects.Stored stored, byte[] content) {
        SyncObjectEntity.getEntityManager().createNativeQuery("""
                        INSERT INTO sync_object (fsid, map, version, content_gzip, fetched_at, fetched_from)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (fsid, map) DO UPDATE SET version = excluded.version,
                            content_gzip = excluded.content_gzip, fetched_at = excluded.fetched_at,
                            fetched_from = excluded.fetched_from""")
                .setParameter(1, key.fsid()).setParameter(2, key.map()).setParameter(3, stored.version())
                .setParameter(4, content).setParameter(5, stored.fetchedAt()).setParameter(6, stored.fetchedFrom())
                .executeUpdate();
    }

    void finishWrites(@Observes ShutdownEvent shutdown) throws InterruptedException {
        writer.execute(this::writePending);
        writer.shutdown();
        if (!writer.awaitTermination(20, TimeUnit.SECONDS)) {
            Log.warn("gave up waiting for the map archive; the agents will bring the newest maps back after the restart");
        }
    }
}
