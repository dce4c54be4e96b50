package io.loligo.agent.ceph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

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

    /**
     * An array of objects with only the named fields of each kept, copied as a stream: {@code osd metadata} gives
     * some sixty fields per OSD, and a handful of them describe it.
     */
    static byte[] keepFields(byte[] arrayOfObjects, Set<String> kept) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(arrayOfObjects.length / 2);
        try (JsonParser parser = JSON.createParser(arrayOfObjects); JsonGenerator generator = JSON.createGenerator(out)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("expected an array");
            }
            generator.writeStartArray();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                generator.writeStartObject();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (kept.contains(field)) {
                        generator.writeFieldName(field);
                        generator.copyCurrentStructure(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON while keeping " + kept, e);
        }
        return out.toByteArray();
    }

    /** A number at the top level of a JSON object, read without reading the rest. */
    static OptionalLong topLevelLong(byte[] json, String field) {
        try (JsonParser parser = JSON.createParser(json)) {
            return seekTopLevelField(parser, field) && parser.nextToken().isNumeric()
                    ? OptionalLong.of(parser.getLongValue()) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON while looking for '" + field + "'", e);
        }
    }

    /** Moves the parser to just before the value of a top-level field, skipping the fields before it unread. */
    static boolean seekTopLevelField(JsonParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.currentName().equals(name)) {
                return true;
            }
            if (parser.nextToken().isStructStart()) {
                parser.skipChildren();
            }
        }
        return false;
    }
}
