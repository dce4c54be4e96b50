package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a user sends to create or change CRUSH rules and buckets. */
public final class CrushForms {
    private CrushForms() {
    }

    /**
     * A replicated rule ({@code osd crush rule create-replicated}); in a change, only {@code name} can differ.
     *
     * @param root the bucket the rule takes from, such as {@code default}
     * @param failureDomain the bucket type copies are spread across, such as {@code host}
     * @param deviceClass only devices of this class, or null for any
     */
    public record Rule(@JsonProperty("name") String name, @JsonProperty("root") String root,
                       @JsonProperty("failure_domain") String failureDomain, @JsonProperty("device_class") String deviceClass) {
    }

    /**
     * A bucket; in a change, a new {@code name} renames it and a new {@code parent} (a bucket's id) moves it there.
     */
    public record Node(@JsonProperty("name") String name, @JsonProperty("bucket_type") String bucketType,
                       @JsonProperty("parent") Integer parent) {
    }
}
