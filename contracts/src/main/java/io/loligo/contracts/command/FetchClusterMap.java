package io.loligo.contracts.command;

import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.Objects;

/** Asks for the current content of one cluster map. */
public record FetchClusterMap(String fsid, ClusterMap map) implements AgentCommand {
    public FetchClusterMap {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(map, "map");
    }
}
