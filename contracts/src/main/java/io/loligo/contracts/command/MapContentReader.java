package io.loligo.contracts.command;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.wire.SharedTrees;

import java.io.IOException;

/**
 * Reads a map's content sharing the parts of the copy held of the same map, when the reader was given the copies
 * held ({@link HeldMaps}, as an attribute of the read) and the fsid and map come before the content, as every
 * encoder of this record writes them.
 */
public final class MapContentReader extends StdDeserializer<CommandReply.MapContent> {
    public MapContentReader() {
        super(CommandReply.MapContent.class);
    }

    /** The copies a reader holds, by cluster and map: {@code null} for one it does not hold. */
    @FunctionalInterface
    public interface HeldMaps {
        JsonNode held(String fsid, ClusterMap map);
    }

    @Override
    public CommandReply.MapContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (CommandReply.MapContent) context.handleUnexpectedToken(CommandReply.MapContent.class, parser);
        }
        HeldMaps heldMaps = (HeldMaps) context.getAttribute(HeldMaps.class);
        String fsid = null;
        ClusterMap map = null;
        long version = 0;
        JsonNode content = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            switch (name) {
                case "fsid" -> fsid = context.readValue(parser, String.class);
                case "map" -> map = context.readValue(parser, ClusterMap.class);
                case "version" -> version = context.readValue(parser, long.class);
                case "content" -> content = SharedTrees.read(parser,
                        heldMaps == null || fsid == null || map == null ? null : heldMaps.held(fsid, map), context);
                // newer agents may add fields; this one reads the rest
                default -> parser.skipChildren();
            }
        }
        try {
            return new CommandReply.MapContent(fsid, map, version, content);
        } catch (NullPointerException missing) {
            return context.reportInputMismatch(this, "a map's content without its %s", missing.getMessage());
        }
    }
}
