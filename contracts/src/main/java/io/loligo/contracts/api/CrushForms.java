package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What a user sends to create or change CRUSH rules and buckets. */
public final class CrushForms {
    private CrushForms() {
    }

    /**
     * A rule, given one of two ways: Calamari's, with {@code steps} (and {@code type}, {@code min_size},
     * {@code max_size}); or the short form of a replicated rule, {@code root}, {@code failure_domain} and
     * optionally {@code device_class}, which stands for the steps take, chooseleaf and emit. In a change, what is
     * left out stays as it is.
     *
     * @param type {@code replicated} or {@code erasure}, or Ceph's numbers for them (1, 3)
     * @param root the bucket the rule takes from, such as {@code default}
     * @param failureDomain the bucket type copies are spread across, such as {@code host}
     * @param deviceClass only devices of this class, or null for any
     */
    public record Rule(@JsonProperty("name") String name, @JsonProperty("type") String type,
                       @JsonProperty("min_size") Integer minSize, @JsonProperty("max_size") Integer maxSize,
                       @JsonProperty("steps") List<Step> steps,
                       @JsonProperty("root") String root, @JsonProperty("failure_domain") String failureDomain,
                       @JsonProperty("device_class") String deviceClass) {

        public static Rule replicated(String name, String root, String failureDomain, String deviceClass) {
            return new Rule(name, null, null, null, null, root, failureDomain, deviceClass);
        }

        public static Rule withSteps(String name, String type, List<Step> steps) {
            return new Rule(name, type, null, null, steps, null, null, null);
        }
    }

    /**
     * One step of a rule, in Ceph's terms ({@code osd crush rule dump}): {@code take} names a bucket by
     * {@code item_name} (or its id, {@code item}), with {@code ~class} for a device class; the choose ops take
     * {@code num} and a bucket {@code type}; the {@code set_*} ops take {@code num}; {@code emit} takes nothing. A rule's
     * view gives its steps so, without the fields an op does not have.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("op") String op, @JsonProperty("item") Integer item,
                       @JsonProperty("item_name") String itemName, @JsonProperty("num") Integer num,
                       @JsonProperty("type") String type) {
    }

    /**
     * A bucket; in a change, a new {@code name} renames it and a new {@code parent} (a bucket's id) moves it there.
     *
     * @param items what the bucket holds, when given: buckets listed are moved into it, OSDs listed are placed in it
     *              (at the weight given, else their current CRUSH weight), and what it held but is not listed leaves it
     */
    public record Node(@JsonProperty("name") String name, @JsonProperty("bucket_type") String bucketType,
                       @JsonProperty("parent") Integer parent, @JsonProperty("items") List<Item> items) {
    }

    /** An item of a bucket: a bucket (a negative id) or an OSD, with its CRUSH weight. */
    public record Item(@JsonProperty("id") int id, @JsonProperty("weight") Double weight) {
    }
}
