package io.loligo.contracts.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;

/**
 * Reads JSON into a tree that holds the parts of an earlier copy wherever it equals them. A new OSD map of a large
 * cluster differs from the last in a few OSDs but arrives whole: 20 MB of JSON at 10,000 OSDs, some 150 MB once
 * parsed. Read plainly, the collector finds most of it alive, mid-read and after, and copies it into the old
 * generation at every update, which costs more than the parse. Read here, each part equal to the held one is dropped
 * as soon as it is read, so that only the changed parts live on. The held copy is never modified; the tree read is
 * equal, field order included, to what {@code ObjectMapper.readTree} reads.
 */
public final class SharedTrees {
    private SharedTrees() {
    }

    /**
     * @param parser at the first token of the value
     * @param held the copy held before, or null to read a tree of its own
     * @return {@code held} itself when the value equals it, else a new tree holding each part of {@code held} it equals
     */
    public static JsonNode read(JsonParser parser, JsonNode held, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return readObject(parser, held, context);
        }
        if (token == JsonToken.START_ARRAY) {
            return readArray(parser, held, context);
        }
        JsonNode value = scalar(parser, token, context);
        return value.equals(held) ? held : value;
    }

    private static JsonNode readObject(JsonParser parser, JsonNode held, DeserializationContext context) throws IOException {
        ObjectNode object = context.getNodeFactory().objectNode();
        boolean allHeld = held != null && held.isObject();
        Iterator<String> heldNames = allHeld ? held.fieldNames() : null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            JsonNode heldValue = held == null ? null : held.get(name);
            JsonNode value = read(parser, heldValue, context);
            object.set(name, value);
            if (allHeld) {
                // the same fields in another order are another document to whoever writes it out
                allHeld = value == heldValue && heldNames.hasNext() && name.equals(heldNames.next());
            }
        }
        return allHeld && !heldNames.hasNext() ? held : object;
    }

    private static JsonNode readArray(JsonParser parser, JsonNode held, DeserializationContext context) throws IOException {
        ArrayNode array = context.getNodeFactory().arrayNode();
        boolean allHeld = held != null && held.isArray();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            JsonNode heldElement = held == null ? null : held.get(array.size());
            JsonNode element = read(parser, heldElement, context);
            array.add(element);
            allHeld &= element == heldElement;
        }
        return allHeld && array.size() == held.size() ? held : array;
    }

    /** The node Jackson's own tree reader makes of the value, made here for the common ones. */
    private static JsonNode scalar(JsonParser parser, JsonToken token, DeserializationContext context) throws IOException {
        JsonNodeFactory nodes = context.getNodeFactory();
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> context.readTree(parser);
            };
            default -> context.readTree(parser);
        };
    }
}
