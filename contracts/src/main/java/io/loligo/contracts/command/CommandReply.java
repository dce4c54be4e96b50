package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.Objects;

/**
 * An agent's answer to one command.
 *
 * @param error null on success; otherwise a machine reason ("RadosError", "Timeout", ...) and a message
 * @param map for {@link FetchClusterMap}: the map's content and the version it has
 */
public record CommandReply(String commandId, String nodeId, Failure error, MapContent map) {
    public CommandReply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(nodeId, "nodeId");
    }

    public record Failure(String reason, String message) {
    }

    public record MapContent(String fsid, ClusterMap map, long version, JsonNode content) {
        public MapContent {
            Objects.requireNonNull(fsid, "fsid");
            Objects.requireNonNull(map, "map");
            Objects.requireNonNull(content, "content");
        }
    }
}
