package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A CephFS file system as the FS map describes it: its pools, its MDS ranks and the standby daemons that may take
 * one over.
 *
 * @param ranks every rank in the file system, whether an MDS holds it or it has failed
 * @param standbys the standby daemons free to take a rank of this file system
 */
public record FileSystemView(
        @JsonProperty("id") int id,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("max_mds") int maxMds,
        @JsonProperty("standby_count_wanted") int standbyCountWanted,
        @JsonProperty("metadata_pool") String metadataPool,
        @JsonProperty("data_pools") List<String> dataPools,
        @JsonProperty("ranks") List<Rank> ranks,
        @JsonProperty("standbys") List<Daemon> standbys) {

    /**
     * @param state the MDS's state ({@code active}, {@code replay}, {@code resolve}, ...), or {@code failed} or
     *              {@code damaged} when no MDS holds the rank
     * @param mds the daemon holding it, or null
     */
    public record Rank(
            @JsonProperty("rank") int rank,
            @JsonProperty("state") String state,
            @JsonProperty("mds") Daemon mds) {
    }

    /** An MDS daemon: its name, its state without the {@code up:} prefix, and the server that reports it. */
    public record Daemon(
            @JsonProperty("name") String name,
            @JsonProperty("gid") long gid,
            @JsonProperty("state") String state,
            @JsonProperty("addr") String addr,
            @JsonProperty("server") String server) {
    }
}
