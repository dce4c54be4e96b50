package io.loligo.agent.ceph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;

/**
 * JSON put together from replies that are JSON already, without parsing them into trees: a 10,000-OSD map is 30 MB
 * of JSON, which as trees would not fit an agent's heap. Pure.
 */
final class RawJson {
    private static final JsonFactory JSON = new JsonFactory();

    private RawJson() {
    }

    /** One object whose fields are the given JSON texts, in order; it is written as it is when encoded. */
    static JsonNode object(Map<String, byte[]> fields) {
        StringBuilder object = new StringBuilder(fields.values().stream().mapToInt(json -> json.length + 32).sum());
        object.append('{');
        fields.forEach((name, json) -> {
            if (object.length() > 1) {
                object.append(',');
            }
            object.append('"').append(name).append("\":").append(new String(json, StandardCharsets.UTF_8).strip());
        });
        object.append('}');
        return JsonNodeFactory.instance.rawValueNode(new RawValue(object.toString()));
    }

    /** A number at the top level of a JSON object, read without reading the rest. */
    static OptionalLong topLevelLong(byte[] json, String field) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OptionalLong.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(field);
                JsonToken value = parser.nextToken();
                if (wanted && value.isNumeric()) {
                    return OptionalLong.of(parser.getLongValue());
                }
                if (value.isStructStart()) {
                    parser.skipChildren();
                }
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON while looking for '" + field + "'", e);
        }
    }
}
