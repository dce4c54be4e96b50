package io.loligo.cluster.rbd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.contracts.command.ReadRbdImages;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each pool's image listing as an agent last read it, kept as views so that every page, ordering and search of a
 * large pool is answered from memory: a pool of 10,000 images is megabytes of JSON per read. A listing older than
 * {@link #FRESH_FOR} (or four times what the last read took, for a pool whose reads are long) is still answered while
 * a newer one is read in the background, one read per pool at a time; a
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
        long readCostNanos;
        /** {@link #read} as views, made at the first answer after each read. */
        Listing listing;
        /** Raised by each change: a read begun before it is not kept. */
        long generation;
        CompletableFuture<JsonNode> reading;
    }

    /** A request changed the pool's images: they are read again before the next answer. */
    public record Changed(String fsid, int pool) {
    }

    /**
     * A pool's images and trash as views.
     *
     * @param orders the images sorted in each order asked for so far, by {@link RbdImageListing#orderKey()}
     */
    public record Listing(List<RbdImageView> images, List<RbdTrashView> trash, Map<String, List<RbdImageView>> orders) {
        Listing(List<RbdImageView> images, List<RbdTrashView> trash) {
            this(images, trash, new ConcurrentHashMap<>());
        }

        /** The images in the order the listing asks for, sorted once per listing read. */
        public List<RbdImageView> inOrderOf(RbdImageListing listing) {
            return orders.computeIfAbsent(listing.orderKey(), key -> listing.sort(images));
        }
    }

    /**
     * The pool's images and trash as an agent last read them.
     *
     * @param poolNames every pool's name by id, for the pool an image keeps its data in
     */
    public Listing read(String fsid, PoolView pool, Map<Integer, String> poolNames) {
        Kept entry = kept.computeIfAbsent(new Key(fsid, pool.id()), key -> new Kept());
        CompletableFuture<JsonNode> awaited;
        synchronized (entry) {
            if (entry.read != null) {
                long freshFor = Math.max(FRESH_FOR.toNanos(), 4 * entry.readCostNanos);
                if (System.nanoTime() - entry.readAtNanos > freshFor && entry.reading == null) {
                    startReading(fsid, pool.id(), entry);
                }
                return listing(entry, pool, poolNames);
            }
            if (entry.reading == null) {
                startReading(fsid, pool.id(), entry);
            }
            awaited = entry.reading;
        }
        try {
            JsonNode read = awaited.join();
            return new Listing(RbdImages.views(read, pool.name(), poolNames), RbdImages.trash(read, pool.name()));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The kept read as views, made once per read (and again should the pool have been renamed since). */
    private static Listing listing(Kept entry, PoolView pool, Map<Integer, String> poolNames) {
        if (entry.listing == null || !entry.listing.images().stream().allMatch(image -> image.pool().equals(pool.name()))) {
            entry.listing = new Listing(RbdImages.views(entry.read, pool.name(), poolNames), RbdImages.trash(entry.read, pool.name()));
        }
        return entry.listing;
    }

    void onChanged(@Observes Changed changed) {
        Kept entry = kept.get(new Key(changed.fsid(), changed.pool()));
        if (entry != null) {
            synchronized (entry) {
                entry.generation++;
                entry.read = null;
                entry.listing = null;
                entry.reading = null;
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
    }

    private void startReading(String fsid, int pool, Kept entry) {
        long generation = entry.generation;
        long started = System.nanoTime();
        CompletableFuture<JsonNode> reading = CompletableFuture.supplyAsync(() ->
                liveReads.read(new ReadRbdImages(fsid, pool), LISTING_TIMEOUT), reader);
        entry.reading = reading;
        reading.whenComplete((read, failure) -> {
            synchronized (entry) {
                if (entry.generation == generation && read != null) {
                    entry.read = read;
                    entry.listing = null;
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
