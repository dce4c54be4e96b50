package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.HealthCountersView.Bucket;
import io.loligo.contracts.api.HealthCountersView.Buckets;
import io.loligo.contracts.api.HealthCountersView.Mds;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Calamari's health counters, computed from the maps. Pure.
 *
 * <p>A PG goes to the worst bucket any of its states belongs to. A PG none of whose states Calamari knows, such as
 * {@code unknown} or {@code peered}, counts as critical: nobody can vouch for its data.
 */
public final class HealthCounters {
    static final Set<String> CRITICAL_PG_STATES = Set.of("stale", "down", "peering", "inconsistent", "incomplete", "inactive");
    static final Set<String> WARN_PG_STATES = Set.of("creating", "recovery_wait", "recovering", "replay", "splitting",
            "degraded", "remapped", "scrubbing", "repair", "wait_backfill", "backfilling", "backfill_toofull");
    static final Set<String> OK_PG_STATES = Set.of("active", "clean");

    private HealthCounters() {
    }

    /** @param osdDump the {@code osd dump} reply */
    public static Buckets osds(JsonNode osdDump) {
        long upIn = 0, upOut = 0, downIn = 0, downOut = 0;
        for (JsonNode osd : osdDump.path("osds")) {
            boolean up = osd.path("up").asInt() == 1;
            boolean in = osd.path("in").asInt() == 1;
            if (up && in) {
                upIn++;
            } else if (up) {
                upOut++;
            } else if (in) {
                downIn++;
            } else {
                downOut++;
            }
        }
        Map<String, Long> warn = new TreeMap<>();
        putIfPositive(warn, "up/out", upOut);
        putIfPositive(warn, "down/in", downIn);
        return new Buckets(single("up/in", upIn), new Bucket(upOut + downIn, warn), single("down/out", downOut));
    }

    /** @param pgCountsByState PG counts by full state name ("active+clean": 32), as the PG summary holds them */
    public static Buckets pgs(JsonNode pgCountsByState) {
        Map<Level, Tally> tallies = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            tallies.put(level, new Tally());
        }
        pgCountsByState.fields().forEachRemaining(entry -> {
            long count = entry.getValue().asLong();
            Set<String> states = new HashSet<>(Arrays.asList(entry.getKey().toLowerCase(Locale.ROOT).split("\\+")));
            Level level = Level.of(states);
            Set<String> reasons = new TreeSet<>(states);
            reasons.retainAll(level.states);
            // a PG critical because no known state vouches for it is named by the states it has
            tallies.get(level).add(count, reasons.isEmpty() ? states : reasons);
        });
        return new Buckets(tallies.get(Level.OK).bucket(), tallies.get(Level.WARN).bucket(), tallies.get(Level.CRITICAL).bucket());
    }

    /** The buckets, worst first: a PG belongs to the first whose states it has, and to CRITICAL if none. */
    private enum Level {
        CRITICAL(CRITICAL_PG_STATES), WARN(WARN_PG_STATES), OK(OK_PG_STATES);

        private final Set<String> states;

        Level(Set<String> states) {
            this.states = states;
        }

        static Level of(Set<String> pgStates) {
            for (Level level : values()) {
                if (pgStates.stream().anyMatch(level.states::contains)) {
                    return level;
                }
            }
            return CRITICAL;
        }
    }

    private static final class Tally {
        private long count;
        private final Map<String, Long> states = new TreeMap<>();

        void add(long pgs, Set<String> reasons) {
            count += pgs;
            reasons.forEach(state -> states.merge(state, pgs, Long::sum));
        }

        Bucket bucket() {
            return new Bucket(count, states);
        }
    }

    /** @param quorumStatus the {@code quorum_status} reply */
    public static Buckets mons(JsonNode quorumStatus) {
        Set<Integer> quorum = new HashSet<>();
        quorumStatus.path("quorum").forEach(rank -> quorum.add(rank.asInt()));
        long in = 0, out = 0;
        for (JsonNode mon : quorumStatus.path("monmap").path("mons")) {
            if (quorum.contains(mon.path("rank").asInt())) {
                in++;
            } else {
                out++;
            }
        }
        return new Buckets(single("in", in), new Bucket(0, Map.of()), single("out", out));
    }

    /** @param fsDump the {@code fs dump} reply: MDS ranks summed over every file system */
    public static Mds mds(JsonNode fsDump) {
        long total = 0, up = 0, in = 0;
        for (JsonNode fs : fsDump.path("filesystems")) {
            JsonNode map = fs.path("mdsmap");
            total += map.path("max_mds").asLong();
            up += map.path("up").size();
            in += map.path("in").size();
        }
        return new Mds(total, in, up - in, total - up);
    }

    private static Bucket single(String state, long count) {
        return new Bucket(count, count == 0 ? Map.of() : Map.of(state, count));
    }

    private static void putIfPositive(Map<String, Long> states, String state, long count) {
        if (count > 0) {
            states.put(state, count);
        }
    }
}
