package io.loligo.gateway.kept;

import io.loligo.contracts.api.LiveUpdate;
import io.loligo.gateway.live.LiveFeed;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers of {@link io.loligo.contracts.api.KeptUntilChanged} reads, as sent, kept until cluster-service's live
 * stream says that their cluster changed. A kept read costs no second hop: it crossed two JVMs before, and on a small
 * host the second one made the tail.
 * <p>
 * Answers are kept per scope: a cluster's fsid, or {@link #ALL_CLUSTERS} for reads whose path names none. A change
 * of a cluster forgets that cluster's answers and those of all clusters; a change outside any cluster (a server's
 * event) forgets everything. Nothing kept is served unless the stream is known to be whole: from its first update on,
 * and again from the first update after an interruption, which forgets everything. A read that was on its way while
 * its scope changed is not kept, and nothing is kept longer than {@link #LONGEST_KEPT} in any case. A cluster is
 * remembered only once a read of it succeeded: a caller naming clusters that do not exist adds nothing.
 * <p>
 * Nothing kept is served either while cluster-service has answered from a state that the stream has not yet
 * brought here (each answer names the stream's position then): whoever saw a request complete is not shown the maps
 * from before it. What is left is the moment between a commit in cluster-service and the update's numbering there.
 */
@ApplicationScoped
public class KeptReads {
    /** The scope of reads that span clusters (the cluster list, every request): any cluster's change moves them. */
    public static final String ALL_CLUSTERS = "";
    static final Duration LONGEST_KEPT = Duration.ofSeconds(10);
    /** The stream pings every 5 s: this long without a word, it may be broken without having said so. */
    static final Duration LONGEST_SILENCE = Duration.ofSeconds(12);
    /** Distinct reads kept per scope, as each OSD list query is one. */
    static final int MOST_KEPT_PER_SCOPE = 256;
    /** Bytes kept per scope: a 10,000-OSD cluster's unpaged lists are megabytes each. */
    static final long MOST_BYTES_PER_SCOPE = 32L << 20;

    /** An answer as it was sent. */
    public record Representation(byte[] body, String mediaType, String etag) {
    }

    /** A read on its way to cluster-service, and what its scope looked like when it left. */
    public record Ticket(String scope, String key, long generation, long changesHeard, long interruptions, long longestKeptNanos) {
    }

    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    /** Counts the changes heard, so that a scope first remembered after a read knows whether one came meanwhile. */
    private long changesHeard;
    /** Counts the stream's interruptions, so that a read begun before one is not kept after it. */
    private final AtomicLong interruptions = new AtomicLong();
    private volatile long lastHeardNanos;
    private volatile boolean whole;
    /** The cluster-service instance whose stream is heard, and how many of its updates were heard. */
    private String streamHeard;
    private volatile long positionHeard;
    /** The furthest position of that stream that any answer of cluster-service was made at. */
    private volatile long positionAnswered;

    @Inject
    LiveFeed feed;

    void follow(@Observes StartupEvent started) {
        feed.updates(null).subscribe().with(this::onUpdate);
    }

    synchronized void onInterrupted(@Observes LiveFeed.Interrupted interrupted) {
        whole = false;
        streamHeard = null;
        positionAnswered = 0;
        interruptions.incrementAndGet();
        scopes.clear();
    }

    synchronized void onUpdate(LiveUpdate update) {
        lastHeardNanos = System.nanoTime();
        whole = true;
        if (update.stream() != null && !update.stream().equals(streamHeard)) {
            streamHeard = update.stream();
            positionHeard = 0;
            positionAnswered = 0;
        }
        // a ping numbered before an update may come after it: what was heard never goes back
        positionHeard = Math.max(positionHeard, update.position());
        if (LiveUpdate.PING.equals(update.type())) {
            return;
        }
        changesHeard++;
        if (update.fsid() == null) {
            // a change outside any cluster (a server's event): cheaper to forget all than to work out what it touches
            scopes.values().forEach(Scope::changed);
            return;
        }
        for (String touched : new String[]{update.fsid(), ALL_CLUSTERS}) {
            Scope scope = scopes.get(touched);
            if (scope != null) {
                scope.changed();
            }
        }
    }

    /** @param position {@code <stream>:<position>}, as cluster-service's answer named it */
    public synchronized void answeredAt(String position) {
        int colon = position.lastIndexOf(':');
        if (colon > 0 && position.substring(0, colon).equals(streamHeard)) {
            try {
                positionAnswered = Math.max(positionAnswered, Long.parseLong(position.substring(colon + 1)));
            } catch (NumberFormatException notOurs) {
                // cluster-service writes only numbers here; anything else names no position
            }
        }
    }

    /** @return the kept answer to this read, or null when there is none that may be served now */
    public Representation kept(String scope, String key) {
        long now = System.nanoTime();
        if (!servable(now)) {
            return null;
        }
        Scope kept = scopes.get(scope);
        Reading reading = kept == null ? null : kept.readings.get(key);
        return reading != null && now - reading.expiresNanos < 0 ? reading.representation : null;
    }

    /**
     * @param longestKept how long the answer may be kept at most, changes or none; never beyond {@link #LONGEST_KEPT}
     * @return what the read must show to be kept once answered, or null when nothing may be kept now
     */
    public Ticket ticket(String scope, String key, Duration longestKept) {
        if (!servable(System.nanoTime())) {
            return null;
        }
        Scope kept = scopes.get(scope);
        return new Ticket(scope, key, kept == null ? 0 : kept.generation.get(), changesHeard(), interruptions.get(),
                Math.min(longestKept.toNanos(), LONGEST_KEPT.toNanos()));
    }

    /** A change made through this gateway: it forgets everything kept, for the caller may read what it changed at once. */
    public synchronized void changedHere() {
        changesHeard++;
        scopes.values().forEach(Scope::changed);
    }

    /** Keeps an answer, unless its scope changed or the stream broke while it was read. */
    public void keep(Ticket ticket, Representation representation) {
        if (interruptions.get() != ticket.interruptions()) {
            return;
        }
        Scope scope = scopes.get(ticket.scope());
        if (scope == null) {
            scope = firstKept(ticket.scope(), ticket.changesHeard());
        }
        if (scope != null) {
            scope.keep(ticket.key(), new Reading(representation, System.nanoTime() + ticket.longestKeptNanos()), ticket.generation());
        }
    }

    /** How many scopes are remembered: as many as were read successfully, whatever callers name. */
    int scopesRemembered() {
        return scopes.size();
    }

    private boolean servable(long now) {
        return whole && now - lastHeardNanos <= LONGEST_SILENCE.toNanos() && positionHeard >= positionAnswered;
    }

    private synchronized long changesHeard() {
        return changesHeard;
    }

    /** The scope's first memory, unless any change was heard while it was read (it may have been this one's). */
    private synchronized Scope firstKept(String scope, long changesBefore) {
        return changesHeard == changesBefore ? scopes.computeIfAbsent(scope, any -> new Scope()) : scopes.get(scope);
    }

    private record Reading(Representation representation, long expiresNanos) {
    }

    private static final class Scope {
        final AtomicLong generation = new AtomicLong();
        final Map<String, Reading> readings = new ConcurrentHashMap<>();
        long bytes;

        synchronized void changed() {
            generation.incrementAndGet();
            readings.clear();
            bytes = 0;
        }

        /** Keeps a reading made while nothing changed, under the lock that a change takes too. */
        synchronized void keep(String key, Reading reading, long readAtGeneration) {
            if (generation.get() != readAtGeneration) {
                return;
            }
            Reading replaced = readings.get(key);
            long size = reading.representation.body().length;
            long after = bytes + size - (replaced == null ? 0 : replaced.representation.body().length);
            if ((replaced != null || readings.size() < MOST_KEPT_PER_SCOPE) && after <= MOST_BYTES_PER_SCOPE) {
                readings.put(key, reading);
                bytes = after;
            }
        }
    }
}
