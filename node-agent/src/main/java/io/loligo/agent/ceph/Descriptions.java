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
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The entries of one listing (a pool's RBD images, a volume's subvolumes) as last described, kept between reads
 * because describing each costs Ceph milliseconds and a listing can hold thousands: listing their keys is cheap, so a
 * read follows the listing, describes at once the entries it has not seen (for up to a budget), then the stalest for a
 * smaller one; a small listing is thus described whole at every read, a large one over several. A reader that keeps
 * what it read may ask only for the descriptions that changed since (a {@link Read#mark()}), so that re-reading a
 * large listing costs what changed, not all of it. Thread-safe.
 *
 * @param <K> what identifies an entry for as long as it lives (an image's id, a subvolume's group and name)
 */
public final class Descriptions<K> {
    /** {@link System#nanoTime} from which descriptions are timed, so that every time kept is positive. */
    private static final long ORIGIN = System.nanoTime();

    private final Map<K, Described> byKey = new LinkedHashMap<>();
    /** Names this instance in its marks: another agent's, or a restarted one's, versions are not comparable. */
    private final String instance = UUID.randomUUID().toString();
    /** Raised by each description that differs from the entry's last one. */
    private long version;
    // set at creation too: a catalog forgets the listings unread for a while, and must not take a new one for such
    private volatile long lastReadNanos = System.nanoTime();

    /**
     * @param label what the listing says of the entry besides its key (an image's name): a new label is described anew
     * @param description null until first described
     * @param describedNanos when, on {@link #now()}; 0 once Loligo changed the entry, to describe it first
     * @param version the {@link #version} its description last changed at
     */
    private record Described(String label, ObjectNode description, long describedNanos, long version) {
    }

    /** What describes one entry; null when it is gone since it was listed. */
    @FunctionalInterface
    public interface Describer<K> {
        ObjectNode describe(K key, String label);
    }

    /**
     * What a read answers.
     *
     * @param described the descriptions that changed since the mark the read was given, in the listing's order; every
     *                  one when it was given none, or one of another instance ({@code whole})
     * @param keys the keys of every entry described, in the listing's order: those the reader kept but that are not
     *             here are gone
     * @param pending the keys of those listed but not yet described, which the next reads describe first
     * @param mark what to give the next read for the descriptions that changed after this one
     * @param whole whether {@code described} holds every description rather than the changes
     */
    public record Read<K>(List<ObjectNode> described, List<K> keys, List<K> pending, String mark, boolean whole) {
    }

    /** A read of every description: {@link #read(Map, Describer, Duration, Duration, String)} without a mark. */
    public Read<K> read(Map<K, String> listed, Describer<K> describer, Duration newBudget, Duration stalestBudget) {
        return read(listed, describer, newBudget, stalestBudget, null);
    }

    /**
     * Takes the listing as it is now, describes the new entries within {@code newBudget} and then the stalest within
     * {@code stalestBudget} (at least one each when there are any), and answers what is described.
     *
     * @param listed every entry's key and label, in the listing's order
     * @param since a mark of an earlier read, or null: only the descriptions changed after it are answered
     */
    public synchronized Read<K> read(Map<K, String> listed, Describer<K> describer, Duration newBudget, Duration stalestBudget, String since) {
        lastReadNanos = System.nanoTime();
        take(listed);
        describe(describer, entry -> entry.description() == null, newBudget);
        describe(describer, entry -> entry.description() != null, stalestBudget);
        long after = versionIn(since);
        List<ObjectNode> described = new ArrayList<>();
        List<K> keys = new ArrayList<>();
        List<K> pending = new ArrayList<>();
        byKey.forEach((key, entry) -> {
            if (entry.description() == null) {
                pending.add(key);
                return;
            }
            keys.add(key);
            if (entry.version() > after) {
                described.add(entry.description());
            }
        });
        return new Read<>(described, keys, pending, instance + "/" + version, after < 0);
    }

    /** The version a mark of this instance names; -1 for none, or another instance's, whose changes are all. */
    private long versionIn(String mark) {
        if (mark == null || !mark.startsWith(instance + "/")) {
            return -1;
        }
        try {
            return Long.parseLong(mark.substring(instance.length() + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Describes anew the stalest entry, whatever the budget; the background pass of a catalog calls it. */
    public synchronized void describeStalest(Describer<K> describer) {
        describe(describer, entry -> true, Duration.ZERO);
    }

    /** Loligo changed the entries {@code which} picks (by key and label): the next read describes them before any other. */
    public synchronized void changed(BiPredicate<K, String> which) {
        byKey.replaceAll((key, entry) -> which.test(key, entry.label()) ? new Described(entry.label(), entry.description(), 0, entry.version()) : entry);
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
            now.put(key, known == null ? new Described(label, null, 0, 0)
                    : known.label().equals(label) ? known : new Described(label, known.description(), 0, known.version()));
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
            Described known = entry.getValue();
            ObjectNode description = describer.describe(entry.getKey(), known.label());
            if (description == null) {
                gone.add(entry.getKey());
            } else {
                long changedAt = description.equals(known.description()) ? known.version() : ++version;
                byKey.put(entry.getKey(), new Described(known.label(), description, now(), changedAt));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        byKey.keySet().removeAll(gone);
    }
}
