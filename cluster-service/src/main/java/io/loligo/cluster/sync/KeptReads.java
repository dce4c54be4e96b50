package io.loligo.cluster.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads too large to make per request (a pool's 10,000 images, an RGW's 1,000 buckets), kept per key and answered
 * from memory. A read older than its freshness (at least {@code freshFor}, and four times what it took for a key
 * whose reads are long) is still answered while a newer one is made in the background, one read per key at a time.
 * A key nobody has read yet, or one {@link #forget forgotten} because Loligo changed what it holds, is read before
 * answering, so that a change made through Loligo shows at once; changes made beside Loligo show within seconds. A
 * read that its reader left incomplete (its time budget spent on a large listing) is answered and read on at the next
 * answer, whatever its age, so that a large listing fills up at the pace of its reads.
 *
 * @param <K> what is read, as a record
 * @param <V> the read as the answers want it, made once per read on the reading thread
 */
public final class KeptReads<K, V> {
    private final Duration freshFor;
    private final Executor reader;
    private final Predicate<V> complete;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** One key's read and the read under way, if any. Guarded by itself. */
    private static final class Kept<V> {
        V read;
        long readAtNanos;
        long readCostNanos;
        /** Raised by each {@link #forget}: a read begun before it is not kept. */
        long generation;
        CompletableFuture<V> reading;
    }

    public KeptReads(Duration freshFor, Executor reader) {
        this(freshFor, reader, read -> true);
    }

    /** @param complete whether a read holds all there is, or its reader left some for the next read */
    public KeptReads(Duration freshFor, Executor reader, Predicate<V> complete) {
        this.freshFor = freshFor;
        this.reader = reader;
        this.complete = complete;
    }

    /**
     * The key's last read, or a new one when there is none.
     *
     * @param read makes the read; its exceptions reach the caller waiting for it
     */
    public V get(K key, Supplier<V> read) {
        Kept<V> entry = kept.computeIfAbsent(key, k -> new Kept<>());
        CompletableFuture<V> awaited;
        synchronized (entry) {
            if (entry.read != null) {
                long fresh = complete.test(entry.read) ? Math.max(freshFor.toNanos(), 4 * entry.readCostNanos) : 0;
                if (System.nanoTime() - entry.readAtNanos >= fresh && entry.reading == null) {
                    startReading(entry, read);
                }
                return entry.read;
            }
            // the read itself, not entry.reading: a read that ends at once has already cleared that
            awaited = entry.reading != null ? entry.reading : startReading(entry, read);
        }
        try {
            return awaited.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** What the keys hold has changed: their next answer is read anew. */
    public void forget(Predicate<K> changed) {
        kept.forEach((key, entry) -> {
            if (changed.test(key)) {
                synchronized (entry) {
                    entry.generation++;
                    entry.read = null;
                    entry.reading = null;
                }
            }
        });
    }

    private CompletableFuture<V> startReading(Kept<V> entry, Supplier<V> read) {
        long generation = entry.generation;
        long started = System.nanoTime();
        CompletableFuture<V> reading = CompletableFuture.supplyAsync(read, reader);
        entry.reading = reading;
        reading.whenComplete((value, failure) -> {
            synchronized (entry) {
                if (entry.generation == generation && value != null) {
                    entry.read = value;
                    entry.readAtNanos = System.nanoTime();
                    entry.readCostNanos = entry.readAtNanos - started;
                }
                if (entry.reading == reading) {
                    entry.reading = null;
                }
            }
        });
        return reading;
    }
}
