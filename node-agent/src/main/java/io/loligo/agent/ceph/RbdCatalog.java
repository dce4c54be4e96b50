package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Each pool's RBD images as last described, kept between reads on a librados connection of their own. Describing an
 * image opens it (about 6 ms, used bytes included): a pool of 10,000 takes a minute, far too long for one read, and
 * on the probe's connection it would hold up the map polls. So a read lists the pool's ids (one read of its
 * directory), describes at once the images it has not seen (for up to {@link #NEW_IMAGES_BUDGET}), then, for up to
 * {@link #STALEST_BUDGET}, those Loligo changed since and those described longest ago; a small pool is thus described
 * whole at every read. A background pass re-describes the images of every pool read within {@link #WATCHED_FOR},
 * oldest first, for at most a fifth of each second.
 */
@ApplicationScoped
public class RbdCatalog {
    static final Duration NEW_IMAGES_BUDGET = Duration.ofSeconds(4);
    static final Duration STALEST_BUDGET = Duration.ofMillis(150);
    static final Duration WATCHED_FOR = Duration.ofMinutes(10);
    /** What the background pass may spend of each second: a large pool's images are refreshed over minutes. */
    static final Duration BACKGROUND_SHARE = Duration.ofMillis(200);
    /** An image described this recently is not described again by the background pass. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    /** {@link System#nanoTime} from which descriptions are timed, so that every time kept is positive. */
    private static final long ORIGIN = System.nanoTime();

    private final ObjectMapper mapper;
    private final OwnConnection connection;
    private final Map<Integer, PoolImages> pools = new ConcurrentHashMap<>();
    private ScheduledExecutorService background;

    /** One pool's images by id, in the order librbd lists them. Guarded by itself. */
    private static final class PoolImages {
        final Map<String, Described> byId = new LinkedHashMap<>();
        // set at creation too: the background pass forgets pools unread for WATCHED_FOR, and must not take a new one
        long lastReadNanos = System.nanoTime();
    }

    /**
     * @param description null until first described
     * @param describedNanos when, on {@link System#nanoTime}; 0 once Loligo changed the image, to describe it first
     */
    private record Described(String name, ObjectNode description, long describedNanos) {
    }

    @Inject
    public RbdCatalog(AgentConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.connection = new OwnConnection(RadosSettings.from(config.ceph()));
    }

    void onStart(@Observes StartupEvent event) {
        background = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "rbd-catalog"));
        background.scheduleWithFixedDelay(this::refreshInBackground, 1, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (background != null) {
            background.shutdownNow();
        }
        connection.close();
    }

    /**
     * {@code {"images": [...], "pending": n, "trash": [...]}}: the pool's images as {@link RbdImages} describes them,
     * with the OSD map as the monitors have it now; {@code pending} counts the images listed but not yet described,
     * which the background pass describes next.
     */
    public JsonNode images(int poolId) {
        PoolImages kept = pools.computeIfAbsent(poolId, id -> new PoolImages());
        return connection.use(handle -> {
            handle.awaitLatestOsdMap();
            try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
                RbdImages images = new RbdImages(handle, mapper);
                synchronized (kept) {
                    kept.lastReadNanos = System.nanoTime();
                    take(kept, RbdImages.idsAndNames(pool.pointer()));
                    describe(kept, images, pool, poolId, entry -> entry.description() == null, NEW_IMAGES_BUDGET);
                    describe(kept, images, pool, poolId, entry -> entry.description() != null, STALEST_BUDGET);
                    ObjectNode answer = mapper.createObjectNode();
                    ArrayNode listed = answer.putArray("images");
                    int pending = 0;
                    for (Described entry : kept.byId.values()) {
                        if (entry.description() == null) {
                            pending++;
                        } else {
                            listed.add(entry.description());
                        }
                    }
                    answer.put("pending", pending);
                    answer.set("trash", images.trash(pool.pointer()));
                    return answer;
                }
            }
        });
    }

    /** Loligo changed the image: the next read describes it before any other. */
    public void changed(int poolId, String name) {
        PoolImages kept = pools.get(poolId);
        if (kept == null) {
            return;
        }
        synchronized (kept) {
            kept.byId.replaceAll((id, entry) -> entry.name().equals(name) ? new Described(name, entry.description(), 0) : entry);
        }
    }

    /** Follows the pool's directory: new images to describe, gone ones dropped, renamed ones described again. */
    private static void take(PoolImages kept, List<String[]> listed) {
        Map<String, Described> now = new LinkedHashMap<>();
        for (String[] idAndName : listed) {
            Described known = kept.byId.get(idAndName[0]);
            now.put(idAndName[0], known == null ? new Described(idAndName[1], null, 0)
                    : known.name().equals(idAndName[1]) ? known : new Described(idAndName[1], known.description(), 0));
        }
        kept.byId.clear();
        kept.byId.putAll(now);
    }

    /** Describes the entries that {@code which} picks, those described longest ago first, until the budget is spent. */
    private static void describe(PoolImages kept, RbdImages images, RadosHandle.IoContext pool, int poolId,
                                 Predicate<Described> which, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<Map.Entry<String, Described>> due = new ArrayList<>();
        // at least one, however small the budget
        kept.byId.entrySet().stream().filter(entry -> which.test(entry.getValue()))
                .sorted(Comparator.comparingLong(entry -> entry.getValue().describedNanos())).forEach(due::add);
        Set<String> gone = new HashSet<>();
        for (Map.Entry<String, Described> entry : due) {
            String name = entry.getValue().name();
            ObjectNode description = images.describe(pool.pointer(), entry.getKey(), name, poolId);
            if (description == null) {
                gone.add(entry.getKey());
            } else {
                kept.byId.put(entry.getKey(), new Described(name, description, now()));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        kept.byId.keySet().removeAll(gone);
    }

    /**
     * Describes again, oldest first, the images of the pools read lately, one at a time so that a read waits at most
     * for one; forgets the pools no one reads.
     */
    private void refreshInBackground() {
        long until = System.nanoTime() + BACKGROUND_SHARE.toNanos();
        pools.entrySet().removeIf(pool -> System.nanoTime() - pool.getValue().lastReadNanos > WATCHED_FOR.toNanos());
        try {
            while (System.nanoTime() < until) {
                Optional<Map.Entry<Integer, PoolImages>> stalest = pools.entrySet().stream()
                        .filter(pool -> oldest(pool.getValue()) < now() - FRESH_FOR.toNanos())
                        .min(Comparator.comparingLong(pool -> oldest(pool.getValue())));
                if (stalest.isEmpty()) {
                    return;
                }
                int poolId = stalest.get().getKey();
                PoolImages kept = stalest.get().getValue();
                connection.use(handle -> {
                    try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
                        synchronized (kept) {
                            describe(kept, new RbdImages(handle, mapper), pool, poolId, entry -> true, Duration.ZERO);
                        }
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            // the next pass tries again; a read meanwhile says what is wrong
            Log.debugf("the RBD catalog's background pass stopped: %s", e.getMessage());
        }
    }

    /** Now, from {@link #ORIGIN}: never 0, which marks an image to describe first. */
    private static long now() {
        return System.nanoTime() - ORIGIN + 1;
    }

    private static long oldest(PoolImages kept) {
        synchronized (kept) {
            return kept.byId.values().stream().mapToLong(Described::describedNanos).min().orElse(Long.MAX_VALUE);
        }
    }
}
