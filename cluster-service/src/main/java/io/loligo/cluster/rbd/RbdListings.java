package io.loligo.cluster.rbd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.listing.SortedViews;
import io.loligo.cluster.sync.KeptReads;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each pool's image listing as an agent last read it, kept as views (see {@link KeptReads}) so that every page,
 * ordering and search of a large pool is answered from memory: a pool of 10,000 images is megabytes of JSON. A read
 * asks the agent only for the descriptions changed since the last one it answered, so that keeping a large pool fresh
 * costs what changed in it. A listing is read anew after each RBD request of Loligo's on the pool, so that its changes
 * show at once.
 */
@ApplicationScoped
public class RbdListings {
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /**
     * An agent opens each image new to it, about 6 ms apiece, for up to 4 s. Below the gateway's 10 s for an answer,
     * so that an agent that cannot answer is a 504 that says so.
     */
    static final Duration LISTING_TIMEOUT = Duration.ofSeconds(8);

    private final ExecutorService reader = Executors.newCachedThreadPool(task -> new Thread(task, "rbd-listing"));
    private final KeptReads<Key, Listing> kept = new KeptReads<>(FRESH_FOR, reader, listing -> listing.pending() == 0);
    /** Each pool's last read, which the next one changes: kept apart, as {@link KeptReads#forget} drops its own. */
    private final Map<Key, Listing> lastRead = new ConcurrentHashMap<>();

    @Inject
    LiveReads liveReads;

    /** A renamed pool is another key: its images' views carry the pool's name. */
    private record Key(String fsid, int pool, String poolName) {
    }

    /** A request changed the pool's images: they are read again before the next answer. */
    public record Changed(String fsid, int pool) {
    }

    /**
     * A pool's images, each order of them sorted once, and its trash.
     *
     * @param pending the images the agent listed but has not yet described, which its next reads describe first
     * @param mark what the agent answered this read with, to ask for the changes after it
     * @param poolNames the pool names the views were made with: a pool renamed since, they are made anew
     */
    public record Listing(SortedViews<RbdImageView> images, List<RbdTrashView> trash, int pending, String mark,
                          Map<Integer, String> poolNames) {
    }

    /**
     * The pool's images and trash as an agent last read them.
     *
     * @param poolNames every pool's name by id, for the pool an image keeps its data in
     */
    public Listing read(String fsid, PoolView pool, Map<Integer, String> poolNames) {
        Key key = new Key(fsid, pool.id(), pool.name());
        return kept.get(key, () -> {
            Listing last = lastRead.get(key);
            Optional<Listing> changed = last == null || !last.poolNames().equals(poolNames) ? Optional.empty()
                    : listing(liveReads.read(new ReadRbdImages(fsid, pool.id(), last.mark()), LISTING_TIMEOUT), pool, poolNames, last);
            // an answer naming an image neither it nor the last read described is one of an agent that lost track
            Listing listing = changed.orElseGet(() -> listing(liveReads.read(new ReadRbdImages(fsid, pool.id(), null), LISTING_TIMEOUT),
                    pool, poolNames, null).orElseThrow());
            lastRead.put(key, listing);
            return listing;
        });
    }

    private static Optional<Listing> listing(JsonNode read, PoolView pool, Map<Integer, String> poolNames, Listing last) {
        List<RbdImageView> earlier = last == null ? List.of() : last.images().views();
        return RbdImages.merged(read, pool.name(), poolNames, earlier).map(images -> new Listing(new SortedViews<>(images),
                RbdImages.trash(read, pool.name()), read.path("pending").asInt(), read.path("mark").asText(), Map.copyOf(poolNames)));
    }

    void onChanged(@Observes Changed changed) {
        kept.forget(key -> key.fsid().equals(changed.fsid()) && key.pool() == changed.pool());
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
    }
}
