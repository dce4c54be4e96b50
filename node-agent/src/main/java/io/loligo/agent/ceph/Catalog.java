package io.loligo.agent.ceph;

import io.quarkus.logging.Log;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The {@link Descriptions} of each listing read lately (each pool's images, each volume's subvolumes), with a background
 * pass that describes their entries again, oldest first, for at most {@link #BACKGROUND_SHARE} of each second, one at a
 * time so that a read waits for at most one; a listing no one read for {@link #WATCHED_FOR} is forgotten.
 *
 * @param <S> what a listing is of (a pool's id, a volume's name)
 * @param <K> what identifies an entry in it
 */
public final class Catalog<S, K> implements AutoCloseable {
    static final Duration WATCHED_FOR = Duration.ofMinutes(10);
    /** What the background pass may spend of each second: a large listing is refreshed over minutes. */
    static final Duration BACKGROUND_SHARE = Duration.ofMillis(200);
    /** An entry described this recently is not described again by the background pass. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final Map<S, Descriptions<K>> listings = new ConcurrentHashMap<>();
    private final String name;
    private final BiConsumer<S, Descriptions<K>> describeStalest;
    private ScheduledExecutorService background;

    /**
     * @param name what the catalog holds, for its thread and its log
     * @param describeStalest describes anew the stalest entry of a listing ({@link Descriptions#describeStalest}),
     *                        with whatever connection that takes
     */
    public Catalog(String name, BiConsumer<S, Descriptions<K>> describeStalest) {
        this.name = name;
        this.describeStalest = describeStalest;
    }

    public synchronized void start() {
        background = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, name + "-catalog"));
        background.scheduleWithFixedDelay(this::refreshInBackground, 1, 1, TimeUnit.SECONDS);
    }

    /** The listing's descriptions, kept from here on. */
    public Descriptions<K> of(S listing) {
        return listings.computeIfAbsent(listing, key -> new Descriptions<>());
    }

    /** The listing's descriptions if anyone read it lately. */
    public Optional<Descriptions<K>> existing(S listing) {
        return Optional.ofNullable(listings.get(listing));
    }

    private void refreshInBackground() {
        long until = System.nanoTime() + BACKGROUND_SHARE.toNanos();
        listings.entrySet().removeIf(listing -> System.nanoTime() - listing.getValue().lastReadNanos() > WATCHED_FOR.toNanos());
        try {
            while (System.nanoTime() < until) {
                Optional<Map.Entry<S, Descriptions<K>>> stalest = listings.entrySet().stream()
                        .filter(listing -> listing.getValue().oldest() < Descriptions.now() - FRESH_FOR.toNanos())
                        .min(Comparator.comparingLong(listing -> listing.getValue().oldest()));
                if (stalest.isEmpty()) {
                    return;
                }
                describeStalest.accept(stalest.get().getKey(), stalest.get().getValue());
            }
        } catch (RuntimeException e) {
            // the next pass tries again; a read meanwhile says what is wrong
            Log.debugf("the %s catalog's background pass stopped: %s", name, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }
}
