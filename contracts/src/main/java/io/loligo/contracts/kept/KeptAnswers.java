package io.loligo.contracts.kept;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Answers of reads as they were written, kept per scope until something of that scope changes: the memory behind
 * {@code @KeptUntilChanged} reads, in the gateway and in cluster-service alike. A scope is a cluster's fsid, or
 * {@link #ALL_CLUSTERS} for reads whose path names none, or one a keeper names for reads of no cluster (a caller's
 * own). A change of a cluster forgets that cluster's answers and those of all clusters; a change outside any cluster
 * forgets everything.
 * <p>
 * A read takes a {@link Ticket} before it is answered and its answer is kept only if nothing of its scope changed
 * meanwhile; a scope's first answer only if nothing changed anywhere meanwhile, since the change heard may have been
 * its own. A scope is remembered only once an answer of it was kept: a caller naming clusters that do not exist adds
 * nothing. Nothing is kept longer than {@link #LONGEST_KEPT}, nor beyond the bounds of each scope.
 * <p>
 * When an answer has been kept as long as it may, one read brings it anew while the others are still given the
 * answer kept, until {@link #LONGEST_KEPT} after it was read: a read whose source takes a second (an agent's, on a
 * busy host) would otherwise hold up every caller that comes meanwhile, each asking the source again. That read is
 * told so ({@link Kept#bringAnew()}); a keeper that can bring the answer by other means gives it the kept one too.
 * Should nothing be brought, another read tries once the answer's own time has passed again. That is for answers
 * polled: one not asked for twice its time, or {@link #POLLED_WITHIN} (a page among a thousand that a script pages
 * through), is not given once due, and the read that finds it so asks its source, as the first did; giving it and
 * bringing it anew besides would ask the source for every read and give each an answer older than its time. A change
 * forgets the answer at once, as before.
 */
public final class KeptAnswers implements Keeper {
    /** The scope of reads that span clusters (the cluster list, every request): any cluster's change moves them. */
    public static final String ALL_CLUSTERS = "";
    public static final Duration LONGEST_KEPT = Duration.ofSeconds(10);
    /**
     * When an answer kept until its scope changes is due to be brought anew all the same: well before
     * {@link #LONGEST_KEPT}, so that the others are given it while one read brings the new one. Due only at that
     * bound, every such answer made one read wait for its source each time, and a page of 10,000 OSDs made it wait
     * for its view to be built again.
     */
    public static final Duration UNCHANGED_DUE = LONGEST_KEPT.dividedBy(2);
    /** Distinct reads kept per scope, as each OSD list query is one. */
    public static final int MOST_KEPT_PER_SCOPE = 256;
    /** Bytes kept per scope: a 10,000-OSD cluster's unpaged lists are megabytes each. */
    public static final long MOST_BYTES_PER_SCOPE = 32L << 20;
    /**
     * An answer asked again within this, or within twice its time if longer, is one that is polled: once due it is
     * given while one read brings it anew.
     */
    public static final Duration POLLED_WITHIN = Duration.ofSeconds(1);
    /** How long a read waits for the answer of the same read on its way before it asks the source itself. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    /** An answer as it was written; {@code etag} where its keeper tags answers, else null. */
    public record Representation(byte[] body, String mediaType, String etag) {
    }

    /**
     * A kept answer as a read finds it.
     *
     * @param ageSeconds how long ago it was read, in whole seconds, as HTTP's {@code Age} header says it
     * @param bringAnew whether this read is the one to bring the answer anew, it being due: it may go on to its
     *                  source, or be given the answer while its keeper brings the new one by other means
     */
    public record Kept(Representation representation, long ageSeconds, boolean bringAnew) {
    }

    /** A read on its way, and what its scope looked like when it left. */
    public static final class Ticket {
        private final String scope;
        private final String key;
        /** The scope's memory when the read left, or null when the scope was not remembered then. */
        private final Scope memory;
        private final long generation;
        private final long changes;
        private final long longestKeptNanos;
        /** Where the reads that come meanwhile wait for this one's answer, if this read leads its query. */
        private final OnItsWay leading;

        private Ticket(String scope, String key, Scope memory, long generation, long changes, long longestKeptNanos, OnItsWay leading) {
            this.scope = scope;
            this.key = key;
            this.memory = memory;
            this.generation = generation;
            this.changes = changes;
            this.longestKeptNanos = longestKeptNanos;
            this.leading = leading;
        }

        /** Gives the reads that waited for this one its answer, or null to send them to the source themselves. */
        private void settle(Representation answer) {
            if (leading != null) {
                memory.onItsWay.remove(key, leading);
                leading.answer.complete(answer);
            }
        }
    }

    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    /** Counts every change, so that a read whose scope was not remembered when it left knows whether one came. */
    private long changes;

    public KeptAnswers() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock, as {@link System#nanoTime} */
    public KeptAnswers(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @return the kept answer to this read, or null when there is none */
    @Override
    public Kept kept(String scope, String key) {
        Scope memory = scopes.get(scope);
        Reading reading = memory == null ? null : memory.readings.get(key);
        if (reading == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        long age = now - reading.readNanos;
        long askedBefore = reading.lastAskedNanos.getAndSet(now);
        boolean due = now - reading.expiresNanos >= 0;
        if (age - LONGEST_KEPT.toNanos() >= 0 || due && now - askedBefore - Math.max(2 * reading.keptNanos, POLLED_WITHIN.toNanos()) >= 0) {
            return null;
        }
        boolean bringAnew = due && reading.refreshedBy(now);
        return new Kept(reading.representation, TimeUnit.NANOSECONDS.toSeconds(age), bringAnew);
    }

    /** @param longestKept how long the answer may be kept at most, changes or none; never beyond {@link #LONGEST_KEPT} */
    @Override
    public Ticket ticket(String scope, String key, Duration longestKept) {
        Scope memory = scopes.get(scope);
        long generation;
        long changesBefore;
        synchronized (this) {
            generation = memory == null ? 0 : memory.generation;
            changesBefore = changes;
        }
        OnItsWay leading = null;
        if (memory != null) {
            long now = nanoTime.getAsLong();
            OnItsWay mine = new OnItsWay(now);
            leading = memory.onItsWay.compute(key, (same, before) -> before == null || before.waitedOut(now) ? mine : before) == mine ? mine : null;
        }
        return new Ticket(scope, key, memory, generation, changesBefore, Math.min(longestKept.toNanos(), LONGEST_KEPT.toNanos()), leading);
    }

    /**
     * @return the answer, once it comes, of the same read that is on its way to the source now (null when it brought
     * none that may be given), or null when none is; a read that comes meanwhile waits for it rather than ask too
     */
    @Override
    public CompletableFuture<Representation> onItsWay(String scope, String key) {
        Scope memory = scopes.get(scope);
        OnItsWay read = memory == null ? null : memory.onItsWay.get(key);
        return read == null || read.waitedOut(nanoTime.getAsLong()) ? null : read.answer;
    }

    /** A read that brought nothing to keep: those waiting for it ask the source themselves. */
    public void abandon(Ticket ticket) {
        ticket.settle(null);
    }

    /**
     * Keeps an answer, unless its scope changed, or was forgotten, while it was read; the reads that waited for it
     * are given it on the same terms.
     */
    public void keep(Ticket ticket, Representation representation) {
        boolean current;
        synchronized (this) {
            Scope memory = scopes.get(ticket.scope);
            if (memory == null && ticket.memory == null && changes == ticket.changes) {
                memory = scopes.computeIfAbsent(ticket.scope, any -> new Scope());
                current = true;
            } else {
                current = memory != null && memory == ticket.memory && memory.generation == ticket.generation;
            }
            if (current) {
                memory.keep(ticket.key, new Reading(representation, nanoTime.getAsLong(), ticket.longestKeptNanos));
            }
        }
        ticket.settle(current ? representation : null);
    }

    /** @param fsid the cluster that changed, or null for a change outside any cluster */
    public synchronized void changed(String fsid) {
        changes++;
        if (fsid == null) {
            scopes.values().forEach(Scope::changed);
            return;
        }
        for (String touched : new String[]{fsid, ALL_CLUSTERS}) {
            Scope memory = scopes.get(touched);
            if (memory != null) {
                memory.changed();
            }
        }
    }

    /** Forgets every scope, as when the changes can no longer be told: no read begun before is kept either. */
    public synchronized void forgetAll() {
        changes++;
        scopes.clear();
    }

    /** How many scopes are remembered: as many as were kept, whatever callers name. */
    public int scopesRemembered() {
        return scopes.size();
    }

    private static final class Reading {
        private static final long NOT_REFRESHING = Long.MIN_VALUE;
        final Representation representation;
        final long readNanos;
        final long keptNanos;
        final long expiresNanos;
        /** When a read set out to bring this answer anew, if one did. */
        private final AtomicLong refreshingSince = new AtomicLong(NOT_REFRESHING);
        /** When a read last asked for it, the read that brought it first. */
        private final AtomicLong lastAskedNanos;

        Reading(Representation representation, long readNanos, long keptNanos) {
            this.representation = representation;
            this.readNanos = readNanos;
            this.keptNanos = keptNanos;
            this.expiresNanos = readNanos + keptNanos;
            this.lastAskedNanos = new AtomicLong(readNanos);
        }

        /**
         * @return whether the read asking at {@code now} is the one to bring the answer anew: the first to ask, or
         * the first once the one before has been on its way for as long as the answer is kept
         */
        boolean refreshedBy(long now) {
            long since = refreshingSince.get();
            return (since == NOT_REFRESHING || now - since - keptNanos >= 0) && refreshingSince.compareAndSet(since, now);
        }
    }

    /** A read on its way to the source, which others of the same query wait for. */
    private static final class OnItsWay {
        final CompletableFuture<Representation> answer = new CompletableFuture<>();
        final long sinceNanos;

        OnItsWay(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }

        /** A read that never came back (its caller went away before any filter saw an answer) leads no more. */
        boolean waitedOut(long now) {
            return now - sinceNanos - LONGEST_WAIT.toNanos() >= 0;
        }
    }

    /** One scope's answers; changed and kept under the lock of its {@link KeptAnswers}. */
    private static final class Scope {
        final Map<String, Reading> readings = new ConcurrentHashMap<>();
        final Map<String, OnItsWay> onItsWay = new ConcurrentHashMap<>();
        long generation;
        long bytes;

        void changed() {
            generation++;
            readings.clear();
            bytes = 0;
        }

        void keep(String key, Reading reading) {
            Reading replaced = readings.get(key);
            long after = bytes + reading.representation.body().length - (replaced == null ? 0 : replaced.representation.body().length);
            if ((replaced != null || readings.size() < MOST_KEPT_PER_SCOPE) && after <= MOST_BYTES_PER_SCOPE) {
                readings.put(key, reading);
                bytes = after;
            }
        }
    }
}
