package io.loligo.cluster.rbd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.command.ReadRbdImages;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each pool's image listing as an agent last read it, kept so that every page, ordering and search of a large pool is
 * answered from memory: a pool of 10,000 images is megabytes of JSON per read. A listing older than
 * {@link #FRESH_FOR} is still answered while a newer one is read in the background, one read per pool at a time; a
 * pool no one has read yet, or one an RBD request of Loligo's changed, is read before answering, so that a change made
 * through Loligo shows at once. Changes made beside Loligo (the rbd tool, a CSI driver) show within seconds.
 */
@ApplicationScoped
public class RbdListings {
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /**
     * An agent opens each image new to it, about 6 ms apiece, for up to 4 s. Below the gateway's 10 s for an answer,
     * so that an agent that cannot answer is a 504 that says so.
     */
    static final Duration LISTING_TIMEOUT = Duration.ofSeconds(8);

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final ExecutorService reader = Executors.newCachedThreadPool(task -> new Thread(task, "rbd-listing"));

    @Inject
    LiveReads liveReads;

    private record Key(String fsid, int pool) {
    }

    /** One pool's listing and the read under way, if any. Guarded by itself. */
    private static final class Kept {
        JsonNode read;
        long readAtNanos;
        /** Raised by each change: a read begun before it is not kept. */
        long generation;
        CompletableFuture<JsonNode> reading;
    }

    /** A request changed the pool's images: they are read again before the next answer. */
    public record Changed(String fsid, int pool) {
    }

    /** The agent's answer to a {@link ReadRbdImages} of the pool. */
    public JsonNode read(String fsid, int pool) {
        Kept entry = kept.computeIfAbsent(new Key(fsid, pool), key -> new Kept());
        CompletableFuture<JsonNode> awaited;
        synchronized (entry) {
            if (entry.read != null) {
                if (System.nanoTime() - entry.readAtNanos > FRESH_FOR.toNanos() && entry.reading == null) {
                    startReading(fsid, pool, entry);
                }
                return entry.read;
            }
            if (entry.reading == null) {
                startReading(fsid, pool, entry);
            }
            awaited = entry.reading;
        }
        try {
            return awaited.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    void onChanged(@Observes Changed changed) {
        Kept entry = kept.get(new Key(changed.fsid(), changed.pool()));
        if (entry != null) {
            synchronized (entry) {
                entry.generation++;
                entry.read = null;
                entry.reading = null;
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
    }

    private void startReading(String fsid, int pool, Kept entry) {
        long generation = entry.generation;
        CompletableFuture<JsonNode> reading = CompletableFuture.supplyAsync(() ->
                liveReads.read(new ReadRbdImages(fsid, pool), LISTING_TIMEOUT), reader);
        entry.reading = reading;
        reading.whenComplete((read, failure) -> {
            synchronized (entry) {
                if (entry.generation == generation && read != null) {
                    entry.read = read;
                    entry.readAtNanos = System.nanoTime();
                }
                if (entry.reading == reading) {
                    entry.reading = null;
                }
            }
        });
    }
}
