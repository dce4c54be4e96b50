package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A pool in Calamari's v2 shape, plus what Loligo adds: its applications, the pg_num targets Ceph is moving towards,
 * and the autoscale mode.
 *
 * @param type replicated or erasure
 * @param crashReplayInterval kept for Calamari's clients; Ceph dropped the setting, so it is always 0
 */
public record PoolView(
        @JsonProperty("id") int id,
        @JsonProperty("name") String name,
        @JsonProperty("size") int size,
        @JsonProperty("min_size") int minSize,
        @JsonProperty("pg_num") int pgNum,
        @JsonProperty("pgp_num") int pgpNum,
        @JsonProperty("crush_ruleset") int crushRuleset,
        @JsonProperty("crash_replay_interval") int crashReplayInterval,
        @JsonProperty("hashpspool") boolean hashpspool,
        @JsonProperty("full") boolean full,
        @JsonProperty("quota_max_objects") long quotaMaxObjects,
        @JsonProperty("quota_max_bytes") long quotaMaxBytes,
        @JsonProperty("type") String type,
        @JsonProperty("erasure_code_profile") String erasureCodeProfile,
        @JsonProperty("application") List<String> application,
        @JsonProperty("pg_num_target") int pgNumTarget,
        @JsonProperty("pgp_num_target") int pgpNumTarget,
        @JsonProperty("pg_autoscale_mode") String pgAutoscaleMode) {
}
