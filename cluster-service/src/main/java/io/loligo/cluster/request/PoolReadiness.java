package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * How far a new pool is from usable: of its PGs (its {@code pg_num} in the OSD map), how many the PG summary shows
 * active. A pool whose PGs are still being created refuses I/O and PG commands. Pure.
 */
final class PoolReadiness {
    private PoolReadiness() {
    }

    record Progress(long active, long total) {
        boolean ready() {
            return active >= total;
        }

        @Override
        public String toString() {
            return active + " of " + total + " PGs active";
        }
    }

    /**
     * @param osdMap     the OSD_MAP sync object ({@code osd_dump} inside)
     * @param pgSummary  the PG_SUMMARY sync object, or a missing node when none is held
     * @return empty when the OSD map has no pool of that name
     */
    static Optional<Progress> of(String pool, JsonNode osdMap, JsonNode pgSummary) {
        for (JsonNode entry : osdMap.path("osd_dump").path("pools")) {
            if (entry.path("pool_name").asText().equals(pool)) {
                long active = 0;
                JsonNode byState = pgSummary.path("by_pool").path(entry.path("pool").asText());
                for (Iterator<Map.Entry<String, JsonNode>> states = byState.fields(); states.hasNext(); ) {
                    Map.Entry<String, JsonNode> state = states.next();
                    if (Arrays.asList(state.getKey().split("\\+")).contains("active")) {
                        active += state.getValue().asLong();
                    }
                }
                return Optional.of(new Progress(active, entry.path("pg_num").asLong()));
            }
        }
        return Optional.empty();
    }
}
