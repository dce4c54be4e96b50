package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The entries of one listing (a pool's RBD images, a volume's subvolumes) as last described, kept between reads
 * because describing each costs Ceph milliseconds and a listing can hold thousands: listing their keys is cheap, so a
 * read follows the listing, describes at once the entries it has not seen (for up to a budget), then the stalest for a
 * smaller one; a small listing is thus described whole at every read, a large one over several. Thread-safe.
 *
 * @param <K> what identifies an entry for as long as it lives (an image's id, a subvolume's group and name)
 */
public final class Descriptions<K> {
    /** {@link System#nanoTime} from which descriptions are timed, so that every time kept is positive. */
    private static final long ORIGIN = System.nanoTime();

    private final Map<K, Described> byKey = new LinkedHashMap<>();
    // set at creation too: a catalog forgets the listings unread for a while, and must not take a new one for such
    private volatile long lastReadNanos = System.nanoTime();

    /**
     * @param label what the listing says of the entry besides its key (an image's name): a new label is described anew
     * @param description null until first described
     * @param describedNanos when, on {@link #now()}; 0 once Loligo changed the entry, to describe it first
     */
    private record Described(String label, ObjectNode description, long describedNanos) {
    }

    /** What describes one entry; null when it is gone since it was listed. */
    @FunctionalInterface
    public interface Describer<K> {
        ObjectNode describe(K key, String label);
    }

    /**
     * What a read answers.
     *
     * @param described the entries described, in the listing's order
     * @param pending the keys of those listed but not yet described, which the next reads describe first
     */
    public record Read<K>(List<ObjectNode> described, List<K> pending) {
    }

    /**
     * Takes the listing as it is now, describes the new entries within {@code newBudget} and then the stalest within
     * {@code stalestBudget} (at least one each when there are any), and answers what is described.
     *
     * @param listed every entry's key and label, in the listing's order
     */
    public synchronized Read<K> read(Map<K, String> listed, Describer<K> describer, Duration newBudget, Duration stalestBudget) {
        lastReadNanos = System.nanoTime();
        take(listed);
        describe(describer, entry -> entry.description() == null, newBudget);
        describe(describer, entry -> entry.description() != null, stalestBudget);
        List<ObjectNode> described = new ArrayList<>();
        List<K> pending = new ArrayList<>();
        byKey.forEach((key, entry) -> {
            if (entry.description() == null) {
                pending.add(key);
            } else {
                described.add(entry.description());
            }
        });
        return new Read<>(described, pending);
    }

    /** Describes anew the stalest entry, whatever the budget; the background pass of a catalog calls it. */
    public synchronized void describeStalest(Describer<K> describer) {
        describe(describer, entry -> true, Duration.ZERO);
    }

    /** Loligo changed the entries {@code which} picks (by key and label): the next read describes them before any other. */
    public synchronized void changed(BiPredicate<K, String> which) {
        byKey.replaceAll((key, entry) -> which.test(key, entry.label()) ? new Described(entry.label(), entry.description(), 0) : entry);
    }

    /** When the entry described longest ago was, on {@link #now()}; {@link Long#MAX_VALUE} for an empty listing. */
    public synchronized long oldest() {
        return byKey.values().stream().mapToLong(Described::describedNanos).min().orElse(Long.MAX_VALUE);
    }

    public long lastReadNanos() {
        return lastReadNanos;
    }

    /** Now, from {@link #ORIGIN}: never 0, which marks an entry to describe first. */
    public static long now() {
        return System.nanoTime() - ORIGIN + 1;
    }

    /** Follows the listing: new entries to describe, gone ones dropped, relabelled ones described again. */
    private void take(Map<K, String> listed) {
        Map<K, Described> now = new LinkedHashMap<>();
        listed.forEach((key, label) -> {
            Described known = byKey.get(key);
            now.put(key, known == null ? new Described(label, null, 0)
                    : known.label().equals(label) ? known : new Described(label, known.description(), 0));
        });
        byKey.clear();
        byKey.putAll(now);
    }

    /** Describes the entries that {@code which} picks, those described longest ago first, until the budget is spent. */
    private void describe(Describer<K> describer, Predicate<Described> which, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<Map.Entry<K, Described>> due = new ArrayList<>();
        byKey.entrySet().stream().filter(entry -> which.test(entry.getValue()))
                .sorted(Comparator.comparingLong(entry -> entry.getValue().describedNanos())).forEach(due::add);
        Set<K> gone = new HashSet<>();
        for (Map.Entry<K, Described> entry : due) {
            String label = entry.getValue().label();
            ObjectNode description = describer.describe(entry.getKey(), label);
            if (description == null) {
                gone.add(entry.getKey());
            } else {
                byKey.put(entry.getKey(), new Described(label, description, now()));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        byKey.keySet().removeAll(gone);
    }
}
