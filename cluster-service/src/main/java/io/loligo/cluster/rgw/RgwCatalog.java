package io.loligo.cluster.rgw;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.listing.SortedViews;
import io.loligo.cluster.rgw.AdminOps.Call;
import io.loligo.cluster.sync.KeptReads;
import io.loligo.contracts.api.RgwViews;
import io.loligo.contracts.refusal.NotFound;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Every user and bucket of each cluster's RGW, kept between reads and answered as sorted views (see
 * {@link KeptReads}). RGW lists names cheaply but counts a bucket's usage by reading its index, shard by shard: all of
 * a thousand buckets' stats at once took 1.7–2.4 s of RGW and OSD time on the lab, which a page must never wait for
 * and which, repeated every few seconds, starved everything else on the host. So each read of the catalog lists the
 * names, reads at once the users and buckets new to it and those a change of Loligo's touched (up to
 * {@link #NEW_BUDGET}), then the stalest others for {@link #STALEST_BUDGET}: a large RGW's usage is refreshed a slice at a
 * time, a small one's whole at every read.
 */
@ApplicationScoped
public class RgwCatalog {
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    static final Duration NEW_BUDGET = Duration.ofSeconds(4);
    static final Duration STALEST_BUDGET = Duration.ofMillis(250);
    /** RGW answers one user or bucket in a few milliseconds; a few at once keep the budgets' reads short. */
    private static final int PARALLEL_READS = 8;

    private final ExecutorService reader = Executors.newCachedThreadPool(task -> new Thread(task, "rgw-listing"));
    private final ExecutorService details = Executors.newFixedThreadPool(PARALLEL_READS, task -> new Thread(task, "rgw-detail-read"));
    private final KeptReads<String, Catalog> catalogs = new KeptReads<>(FRESH_FOR, reader, catalog -> catalog.unread() == 0);
    /** Each cluster's users' details and buckets' stats as last read, by id and name. */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    AdminOps adminOps;

    /**
     * Every user and bucket of the cluster's RGW, each order of them sorted once.
     *
     * @param unread the users and buckets listed that the budget left unread, which the next reads read first
     */
    public record Catalog(SortedViews<RgwViews.RgwUser> users, SortedViews<RgwViews.RgwBucket> buckets, int unread) {
    }

    /** What was read of one RGW, with when; a 0 read time marks what a change of Loligo's touched. Guarded by itself. */
    private static final class Kept {
        final Map<String, Read> users = new HashMap<>();
        final Map<String, Read> buckets = new HashMap<>();
    }

    private record Read(JsonNode read, long readNanos) {
    }

    public Catalog catalog(String fsid) {
        adminOps.requireManaged(fsid);
        return catalogs.get(fsid, () -> read(fsid));
    }

    /**
     * A change of Loligo's touched these: they are read before the next answer, which is read anew.
     *
     * @param users user ids, or none
     * @param buckets bucket names, or none
     */
    public void changed(String fsid, Set<String> users, Set<String> buckets) {
        Kept entry = kept.get(fsid);
        if (entry != null) {
            synchronized (entry) {
                users.forEach(uid -> entry.users.computeIfPresent(uid, (id, read) -> new Read(read.read(), 0)));
                buckets.forEach(name -> entry.buckets.computeIfPresent(name, (id, read) -> new Read(read.read(), 0)));
            }
        }
        catalogs.forget(fsid::equals);
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
        details.shutdownNow();
    }

    private Catalog read(String fsid) {
        Kept entry = kept.computeIfAbsent(fsid, id -> new Kept());
        List<String> userIds = names(adminOps.call(fsid, Call.get("metadata/user", Map.of())));
        List<String> bucketNames = names(adminOps.call(fsid, Call.get("metadata/bucket", Map.of())));
        synchronized (entry) {
            refresh(entry.users, userIds, uid -> adminOps.call(fsid, Call.get("user", Map.of("uid", uid))));
            refresh(entry.buckets, bucketNames, name -> adminOps.call(fsid, Call.get("bucket", Map.of("bucket", name, "stats", "true"))));
            List<RgwViews.RgwBucket> buckets = entry.buckets.values().stream().map(read -> RgwJson.bucket(read.read())).toList();
            Map<String, List<RgwViews.RgwBucket>> byOwner = new HashMap<>();
            buckets.forEach(bucket -> byOwner.computeIfAbsent(bucket.owner(), owner -> new ArrayList<>()).add(bucket));
            List<RgwViews.RgwUser> users = entry.users.entrySet().stream()
                    .map(user -> RgwJson.user(user.getValue().read(), byOwner.getOrDefault(user.getKey(), List.of()))).toList();
            int unread = userIds.size() - entry.users.size() + bucketNames.size() - entry.buckets.size();
            return new Catalog(new SortedViews<>(users), new SortedViews<>(buckets), Math.max(0, unread));
        }
    }

    /**
     * Forgets what RGW no longer lists, then reads what is new or touched (for {@link #NEW_BUDGET}) and the stalest
     * rest (for {@link #STALEST_BUDGET}); what the budgets leave is read by the next reads. One that went between
     * the listing and its read is forgotten.
     */
    private void refresh(Map<String, Read> reads, List<String> listed, Function<String, JsonNode> readOne) {
        reads.keySet().retainAll(new HashSet<>(listed));
        List<String> due = new ArrayList<>(listed.stream().filter(name -> !reads.containsKey(name) || reads.get(name).readNanos() == 0).toList());
        readWithin(reads, due, readOne, NEW_BUDGET);
        List<String> stalest = reads.entrySet().stream().sorted(Comparator.comparingLong(read -> read.getValue().readNanos()))
                .map(Map.Entry::getKey).toList();
        readWithin(reads, new ArrayList<>(stalest), readOne, STALEST_BUDGET);
    }

    private void readWithin(Map<String, Read> reads, List<String> names, Function<String, JsonNode> readOne, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!names.isEmpty() && System.nanoTime() < deadline) {
            List<String> batch = names.subList(0, Math.min(PARALLEL_READS, names.size()));
            List<CompletableFuture<Optional<JsonNode>>> readings = batch.stream()
                    .map(name -> CompletableFuture.supplyAsync(() -> readIfThere(readOne, name), details)).toList();
            for (int i = 0; i < batch.size(); i++) {
                Optional<JsonNode> read = join(readings.get(i));
                String name = batch.get(i);
                read.ifPresentOrElse(json -> reads.put(name, new Read(json, System.nanoTime())), () -> reads.remove(name));
            }
            batch.clear();
        }
    }

    private static Optional<JsonNode> readIfThere(Function<String, JsonNode> readOne, String name) {
        try {
            return Optional.of(readOne.apply(name));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<String> names(JsonNode listed) {
        List<String> names = new ArrayList<>();
        listed.forEach(name -> names.add(name.asText()));
        return names;
    }
}
