package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a newer OpenAPI document breaks for clients of an older one: an operation or a parameter gone, a new required
 * parameter, a schema or one of its properties gone, or a property, parameter or response of another type. Additions
 * break nothing. Pure.
 */
final class OpenApiCompatibility {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiCompatibility() {
    }

    static List<String> breaks(JsonNode older, JsonNode newer) {
        List<String> breaks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : entries(older.path("paths"))) {
            JsonNode newerPath = newer.path("paths").path(path.getKey());
            for (Map.Entry<String, JsonNode> operation : entries(path.getValue())) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode newerOperation = newerPath.path(operation.getKey());
                if (newerOperation.isMissingNode()) {
                    breaks.add(name + ": removed");
                    continue;
                }
                compareParameters(name, operation.getValue(), newerOperation, breaks);
                for (Map.Entry<String, JsonNode> response : entries(operation.getValue().path("responses"))) {
                    for (Map.Entry<String, JsonNode> media : entries(response.getValue().path("content"))) {
                        JsonNode newerMedia = newerOperation.path("responses").path(response.getKey()).path("content").path(media.getKey());
                        if (newerMedia.isMissingNode()) {
                            breaks.add(name + ": response " + response.getKey() + " " + media.getKey() + " removed");
                        } else {
                            compareTypes(name + ": response " + response.getKey(), media.getValue().path("schema"),
                                    newerMedia.path("schema"), breaks);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, JsonNode> schema : entries(older.path("components").path("schemas"))) {
            String name = "schema " + schema.getKey();
            JsonNode newerSchema = newer.path("components").path("schemas").path(schema.getKey());
            if (newerSchema.isMissingNode()) {
                breaks.add(name + ": removed");
                continue;
            }
            compareTypes(name, schema.getValue(), newerSchema, breaks);
            for (Map.Entry<String, JsonNode> property : entries(schema.getValue().path("properties"))) {
                JsonNode newerProperty = newerSchema.path("properties").path(property.getKey());
                if (newerProperty.isMissingNode()) {
                    breaks.add(name + "." + property.getKey() + ": removed");
                } else {
                    compareTypes(name + "." + property.getKey(), property.getValue(), newerProperty, breaks);
                }
            }
        }
        return breaks;
    }

    private static void compareParameters(String operation, JsonNode older, JsonNode newer, List<String> breaks) {
        Set<String> olderNames = new HashSet<>();
        for (JsonNode parameter : older.path("parameters")) {
            String key = parameter.path("in").asText() + " " + parameter.path("name").asText();
            olderNames.add(key);
            JsonNode match = parameter(newer, key);
            if (match == null) {
                breaks.add(operation + ": parameter " + key + " removed");
            } else {
                compareTypes(operation + ": parameter " + key, parameter.path("schema"), match.path("schema"), breaks);
            }
        }
        for (JsonNode parameter : newer.path("parameters")) {
            String key = parameter.path("in").asText() + " " + parameter.path("name").asText();
            if (parameter.path("required").asBoolean() && !olderNames.contains(key)) {
                breaks.add(operation + ": new required parameter " + key);
            }
        }
    }

    private static JsonNode parameter(JsonNode operation, String key) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (key.equals(parameter.path("in").asText() + " " + parameter.path("name").asText())) {
                return parameter;
            }
        }
        return null;
    }

    /** Two schemas are of one type when their type, format, reference and element type agree. */
    private static void compareTypes(String where, JsonNode older, JsonNode newer, List<String> breaks) {
        String olderType = typeOf(older);
        String newerType = typeOf(newer);
        if (!olderType.equals(newerType)) {
            breaks.add(where + ": was " + olderType + ", now " + newerType);
        }
    }

    private static String typeOf(JsonNode schema) {
        if (schema.has("$ref")) {
            return schema.get("$ref").asText();
        }
        String type = schema.path("type").asText("any") + (schema.has("format") ? "(" + schema.get("format").asText() + ")" : "");
        if (schema.has("items")) {
            type += " of " + typeOf(schema.get("items"));
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
            type += " of " + typeOf(schema.get("additionalProperties"));
        }
        return type;
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return node::fields;
    }
}
