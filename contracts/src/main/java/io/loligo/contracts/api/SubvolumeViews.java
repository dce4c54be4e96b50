package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** A CephFS volume's subvolume groups and subvolumes, as the mgr's volumes module describes them, and their forms. */
public final class SubvolumeViews {
    private SubvolumeViews() {
    }

    public record Group(@JsonProperty("name") String name) {
    }

    /**
     * @param group null for a subvolume of no group
     * @param path where clients mount it, as {@code fs subvolume getpath} gives it
     * @param bytesQuota null when it has no quota
     * @param snapshots the names of its snapshots
     */
    public record Subvolume(
            @JsonProperty("name") String name,
            @JsonProperty("group") String group,
            @JsonProperty("path") String path,
            @JsonProperty("bytes_quota") Long bytesQuota,
            @JsonProperty("bytes_used") long bytesUsed,
            @JsonProperty("mode") String mode,
            @JsonProperty("data_pool") String dataPool,
            @JsonProperty("state") String state,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("snapshots") List<String> snapshots) {
    }

    /**
     * A new group or subvolume ({@code name} needed), or a subvolume's new quota.
     *
     * @param group the group a new subvolume goes in; none when left out
     * @param size the quota in bytes; none when left out, and {@code 0} lifts it
     * @param mode octal, as {@code 755}
     * @param dataPool one of the file system's data pools
     */
    public record Form(
            @JsonProperty("name") String name,
            @JsonProperty("group") String group,
            @JsonProperty("size") Long size,
            @JsonProperty("mode") String mode,
            @JsonProperty("data_pool") String dataPool) {
    }
}
