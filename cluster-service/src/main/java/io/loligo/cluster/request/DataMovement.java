package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data Ceph is moving, as its health checks count it ({@code OBJECT_MISPLACED}: "12/345 objects misplaced
 * (3.478%)"; {@code PG_DEGRADED}: "Degraded data redundancy: 146/1956 objects degraded (7.464%), 21 pgs degraded"),
 * and the PGs not yet active and clean in the PG summary. Pure.
 *
 * @param pgsNotClean -1 when no PG summary is held (no mgr since the agent started)
 */
record DataMovement(long misplaced, long degraded, long pgsNotClean) {
    private static final Pattern MISPLACED = Pattern.compile("(\\d+)/\\d+ objects misplaced");
    private static final Pattern DEGRADED = Pattern.compile("(\\d+)/\\d+ objects degraded");

    /**
     * @param healthDetail the HEALTH sync object ({@code health detail})
     * @param pgSummary    the PG_SUMMARY sync object, or a missing node
     */
    static DataMovement of(JsonNode healthDetail, JsonNode pgSummary) {
        JsonNode checks = healthDetail.path("checks");
        long notClean = -1;
        if (pgSummary.has("all")) {
            notClean = 0;
            for (Iterator<Map.Entry<String, JsonNode>> states = pgSummary.path("all").fields(); states.hasNext(); ) {
                Map.Entry<String, JsonNode> state = states.next();
                List<String> parts = Arrays.asList(state.getKey().split("\\+"));
                // a scrub moves nothing: active+clean+scrubbing is clean
                if (!parts.contains("active") || !parts.contains("clean")) {
                    notClean += state.getValue().asLong();
                }
            }
        }
        return new DataMovement(count(checks.path("OBJECT_MISPLACED"), MISPLACED), count(checks.path("PG_DEGRADED"), DEGRADED), notClean);
    }

    long objects() {
        return misplaced + degraded;
    }

    /** Nothing left to move: no object misplaced or degraded, and every PG active+clean as far as is known. */
    boolean settled() {
        return objects() == 0 && pgsNotClean <= 0;
    }

    @Override
    public String toString() {
        String objects = misplaced + " objects misplaced, " + degraded + " degraded";
        return pgsNotClean > 0 ? objects + ", " + pgsNotClean + " PGs not active+clean" : objects;
    }

    private static long count(JsonNode check, Pattern pattern) {
        Matcher matcher = pattern.matcher(check.path("summary").path("message").asText());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
