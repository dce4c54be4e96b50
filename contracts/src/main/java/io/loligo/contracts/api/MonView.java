package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A monitor in Calamari's v2 shape.
 *
 * @param server the fqdn of the server running it, when a node-agent reports it
 * @param addr its public address as the mon map gives it
 */
public record MonView(
        @JsonProperty("name") String name,
        @JsonProperty("rank") int rank,
        @JsonProperty("in_quorum") boolean inQuorum,
        @JsonProperty("server") String server,
        @JsonProperty("addr") String addr,
        @JsonProperty("leader") boolean leader) {
}
