package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * A placement group as the Calamari extension Loligo was designed from lists it, with the commands valid on it now
 * and when it was last scrubbed and deep-scrubbed (null when Ceph does not say).
 */
public record PgView(
        @JsonProperty("id") String id,
        @JsonProperty("pool") String pool,
        @JsonProperty("state") String state,
        @JsonProperty("up") List<Integer> up,
        @JsonProperty("acting") List<Integer> acting,
        @JsonProperty("up_primary") int upPrimary,
        @JsonProperty("acting_primary") int actingPrimary,
        @JsonProperty("valid_commands") List<String> validCommands,
        @JsonProperty("last_scrub_stamp") Instant lastScrubStamp,
        @JsonProperty("last_deep_scrub_stamp") Instant lastDeepScrubStamp) {

    /** The PG commands Loligo implements, valid while the PG is active. */
    public static final List<String> COMMANDS = List.of("scrub", "deep_scrub", "repair");
}
