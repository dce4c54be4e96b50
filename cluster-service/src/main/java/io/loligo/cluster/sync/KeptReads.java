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
 * answering, so that a change made through Loligo shows at once; changes made beside Loligo show within seconds.
 *
 * @param <K> what is read, as a record
 * @param <V> the read as the answers want it, made once per read on the reading thread
 */
public final class KeptReads<K, V> {
    private final Duration freshFor;
    private final Executor reader;
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
        this.freshFor = freshFor;
        this.reader = reader;
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
                long fresh = Math.max(freshFor.toNanos(), 4 * entry.readCostNanos);
                if (System.nanoTime() - entry.readAtNanos > fresh && entry.reading == null) {
                    startReading(entry, read);
                }
                return entry.read;
            }
            if (entry.reading == null) {
                startReading(entry, read);
            }
            awaited = entry.reading;
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

    private void startReading(Kept<V> entry, Supplier<V> read) {
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
    }
}
