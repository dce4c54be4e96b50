package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The CRUSH map in Calamari's v2 shapes. */
public final class CrushViews {
    private CrushViews() {
    }

    /**
     * A rule. {@code steps} are as Ceph dumps them, each with the fields its op has; {@code osd_count} is how many
     * OSDs the rule can place data on.
     */
    public record Rule(
            @JsonProperty("id") int id,
            @JsonProperty("name") String name,
            @JsonProperty("ruleset") int ruleset,
            @JsonProperty("type") int type,
            @JsonProperty("min_size") int minSize,
            @JsonProperty("max_size") int maxSize,
            @JsonProperty("steps") List<CrushForms.Step> steps,
            @JsonProperty("osd_count") int osdCount) {
    }

    /** Rules grouped by ruleset. */
    public record RuleSet(@JsonProperty("id") int id, @JsonProperty("rules") List<Rule> rules) {
    }

    /** A bucket; weights are in the usual units (Ceph stores them as 16.16 fixed point). */
    public record Node(
            @JsonProperty("bucket_type") String bucketType,
            @JsonProperty("name") String name,
            @JsonProperty("id") int id,
            @JsonProperty("weight") double weight,
            @JsonProperty("alg") String alg,
            @JsonProperty("hash") String hash,
            @JsonProperty("items") List<Item> items) {
    }

    public record Item(@JsonProperty("id") int id, @JsonProperty("weight") double weight, @JsonProperty("pos") int pos) {
    }

    public record Type(@JsonProperty("id") int id, @JsonProperty("name") String name) {
    }
}
