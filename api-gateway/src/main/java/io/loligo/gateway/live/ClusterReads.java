package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads of cluster-service that change only when a cluster's synchronised maps do (the OSD list, health), kept by
 * the gateway until cluster-service's live stream says that something of that cluster changed. A read then costs
 * no second hop: it crossed two JVMs before, and on a small host the second one made the tail (bench gateway).
 * <p>
 * Nothing kept is served unless the stream is known to be whole: from its first update on, and again from the
 * first update after an interruption, which forgets everything. A read that was on its way while its cluster
 * changed is not kept, and nothing is kept longer than {@link #LONGEST_KEPT} in any case. A cluster is remembered
 * only once a read of it succeeded: a caller naming clusters that do not exist adds nothing.
 */
@ApplicationScoped
public class ClusterReads {
    static final Duration LONGEST_KEPT = Duration.ofSeconds(10);
    /** The stream pings every 5 s: this long without a word, it may be broken without having said so. */
    static final Duration LONGEST_SILENCE = Duration.ofSeconds(12);
    /** Distinct reads kept per cluster, as each OSD list query is one. */
    static final int MOST_KEPT_PER_CLUSTER = 256;

    private final Map<String, Kept> clusters = new ConcurrentHashMap<>();
    /** Counts the changes heard, so that a cluster first remembered after a read knows whether one came meanwhile. */
    private long changesHeard;
    /** Counts the stream's interruptions, so that a read begun before one is not kept after it. */
    private final AtomicLong interruptions = new AtomicLong();
    private volatile long lastHeardNanos;
    private volatile boolean whole;

    @Inject
    LiveFeed feed;

    void follow(@Observes StartupEvent started) {
        feed.updates(null).subscribe().with(this::onUpdate);
    }

    void onInterrupted(@Observes LiveFeed.Interrupted interrupted) {
        whole = false;
        interruptions.incrementAndGet();
        clusters.clear();
    }

    synchronized void onUpdate(LiveUpdate update) {
        lastHeardNanos = System.nanoTime();
        whole = true;
        if (!LiveUpdate.PING.equals(update.type())) {
            changesHeard++;
        }
        if (update.fsid() != null) {
            Kept kept = clusters.get(update.fsid());
            if (kept != null) {
                kept.changed();
            }
        } else if (!LiveUpdate.PING.equals(update.type())) {
            // a change outside any cluster (a server's event): cheaper to forget all than to work out what it touches
            clusters.values().forEach(Kept::changed);
        }
    }

    /**
     * @param what the read, with every parameter that shapes its answer
     * @param upstream the call to cluster-service; its failures pass through and are not kept
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String fsid, String what, Supplier<T> upstream) {
        long now = System.nanoTime();
        if (!whole || now - lastHeardNanos > LONGEST_SILENCE.toNanos()) {
            return upstream.get();
        }
        Kept kept = clusters.get(fsid);
        Reading reading = kept == null ? null : kept.readings.get(what);
        if (reading != null && now - reading.readNanos < LONGEST_KEPT.toNanos()) {
            return (T) reading.value;
        }
        long generation = kept == null ? 0 : kept.generation.get();
        long changesBefore = changesHeard();
        long interruptionsBefore = interruptions.get();
        // an unknown cluster's read fails here, and nothing of it is remembered
        T value = upstream.get();
        if (interruptions.get() == interruptionsBefore) {
            if (kept == null) {
                kept = firstKept(fsid, changesBefore);
            }
            if (kept != null) {
                kept.keep(what, new Reading(value, now), generation);
            }
        }
        return value;
    }

    /** How many clusters are remembered: as many as were read successfully, whatever callers name. */
    int clustersRemembered() {
        return clusters.size();
    }

    private synchronized long changesHeard() {
        return changesHeard;
    }

    /** The cluster's first memory, unless any change was heard while it was read (it may have been this one's). */
    private synchronized Kept firstKept(String fsid, long changesBefore) {
        return changesHeard == changesBefore ? clusters.computeIfAbsent(fsid, any -> new Kept()) : clusters.get(fsid);
    }

    private record Reading(Object value, long readNanos) {
    }

    private static final class Kept {
        final AtomicLong generation = new AtomicLong();
        final Map<String, Reading> readings = new ConcurrentHashMap<>();

        synchronized void changed() {
            generation.incrementAndGet();
            readings.clear();
        }

        /** Keeps a reading made while nothing changed, under the lock that a change takes too. */
        synchronized void keep(String what, Reading reading, long readAtGeneration) {
            if (generation.get() == readAtGeneration && (readings.size() < MOST_KEPT_PER_CLUSTER || readings.containsKey(what))) {
                readings.put(what, reading);
            }
        }
    }
}
