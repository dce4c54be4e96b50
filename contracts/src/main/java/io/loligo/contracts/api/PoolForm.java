package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pool to create, or the fields of one to change, in Calamari's names. Every field is optional in a change;
 * {@code name} and {@code pg_num} are needed to create one. {@code type} and {@code erasure_code_profile} are set
 * only at creation.
 *
 * @param hashpspool Ceph's flag that spreads a pool's PGs by pool as well as by PG number; set on new pools unless the
 *                   cluster's {@code osd_pool_default_flag_hashpspool} says otherwise
 */
public record PoolForm(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("erasure_code_profile") String erasureCodeProfile,
        @JsonProperty("pg_num") Integer pgNum,
        @JsonProperty("pgp_num") Integer pgpNum,
        @JsonProperty("size") Integer size,
        @JsonProperty("min_size") Integer minSize,
        @JsonProperty("crush_ruleset") Integer crushRuleset,
        @JsonProperty("quota_max_bytes") Long quotaMaxBytes,
        @JsonProperty("quota_max_objects") Long quotaMaxObjects,
        @JsonProperty("application") String application,
        @JsonProperty("hashpspool") Boolean hashpspool) {
}
