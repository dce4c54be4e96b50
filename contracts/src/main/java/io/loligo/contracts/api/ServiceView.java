package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Ceph daemon on a server, in Calamari's v2 shape {@code {fsid, type, id, running}}. */
public record ServiceView(
        @JsonProperty("fsid") String fsid,
        @JsonProperty("type") String type,
        @JsonProperty("id") String id,
        @JsonProperty("running") boolean running) {
}
