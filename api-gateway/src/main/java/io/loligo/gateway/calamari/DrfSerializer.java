package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One of Calamari's writable serializers ({@code ValidatingSerializer} over Django REST Framework 2.3): which fields a
 * {@code POST} may and must give, which a {@code PATCH} may and must give, and how each field reads what it is
 * sent, so that a Calamari client gets the same refusals, in the same words, before Loligo's own checks. Pure.
 *
 * @param fields every field the serializer declares, with how it reads a value
 */
record DrfSerializer(Map<String, Kind> fields, Set<String> createAllowed, Set<String> createRequired,
                     Set<String> modifyAllowed, Set<String> modifyRequired) {

    /** How a DRF 2.3 field read a value sent to it (its {@code from_native}). */
    enum Kind {
        INTEGER, FLOAT, BOOLEAN, STRING, LIST;

        /** @return the value as the field reads it, or null with a message added to {@code errors} */
        JsonNode read(JsonNode value, List<String> errors) {
            if (value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
                return this == STRING ? value : JsonNodeFactory.instance.nullNode();
            }
            return switch (this) {
                case INTEGER -> {
                    // int(str(value)): 3 and "3" are whole numbers; 3.5, "3.5" and true are not
                    String text = value.isTextual() ? value.asText().strip() : value.isIntegralNumber() ? value.asText() : "";
                    if (!text.matches("[-+]?\\d{1,18}")) {
                        errors.add("Enter a whole number.");
                        yield null;
                    }
                    yield JsonNodeFactory.instance.numberNode(Long.parseLong(text));
                }
                case FLOAT -> {
                    try {
                        yield value.isNumber() ? JsonNodeFactory.instance.numberNode(value.asDouble())
                                : JsonNodeFactory.instance.numberNode(Double.parseDouble(value.asText().strip()));
                    } catch (NumberFormatException notAFloat) {
                        errors.add("'" + value.asText() + "' value must be a float.");
                        yield null;
                    }
                }
                case BOOLEAN -> JsonNodeFactory.instance.booleanNode(truth(value));
                case STRING -> value.isTextual() ? value : JsonNodeFactory.instance.textNode(value.isValueNode() ? value.asText() : value.toString());
                case LIST -> value;
            };
        }

        /** DRF's: the strings true, t, True and 1 are true; false, f, False and 0 are false; anything else as Python sees it. */
        private static boolean truth(JsonNode value) {
            if (value.isBoolean()) {
                return value.asBoolean();
            }
            if (value.isTextual()) {
                String text = value.asText();
                if (Set.of("true", "t", "True", "1").contains(text)) {
                    return true;
                }
                if (Set.of("false", "f", "False", "0").contains(text)) {
                    return false;
                }
                return !text.isEmpty();
            }
            if (value.isNumber()) {
                return value.asDouble() != 0;
            }
            return value.size() > 0;
        }
    }

    /**
     * What a body sent with {@code method} holds, or why it is refused.
     *
     * @param errors by field: a list of messages for a value a field could not read (DRF's shape), or one message for
     *               a field the method may not or must give (Calamari's own {@code construct_errors}, which wrote them
     *               as plain strings)
     * @param values the fields given, each as its field read it
     */
    record Validated(Map<String, Object> errors, ObjectNode values) {
        boolean valid() {
            return errors.isEmpty();
        }

    }

    /**
     * The values a body sent with {@code method} holds.
     *
     * @throws WebApplicationException Calamari's refusal, a 400 with the errors by field
     */
    ObjectNode accept(String method, JsonNode body) {
        return accept(method, body, 400);
    }

    /** @param refusalStatus the status Calamari refused with (its OSD flags answered 403) */
    ObjectNode accept(String method, JsonNode body, int refusalStatus) {
        Validated validated = validate(method, body);
        if (!validated.valid()) {
            throw new WebApplicationException(Response.status(refusalStatus).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(validated.errors()).build());
        }
        return validated.values();
    }

    Validated validate(String method, JsonNode body) {
        Map<String, Object> errors = new LinkedHashMap<>();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        if (body == null || body.isNull() || body.isMissingNode()) {
            body = JsonNodeFactory.instance.objectNode();
        }
        if (!body.isObject()) {
            errors.put("non_field_errors", List.of("Invalid data"));
            return new Validated(errors, values);
        }
        for (Iterator<Map.Entry<String, JsonNode>> given = body.fields(); given.hasNext(); ) {
            Map.Entry<String, JsonNode> field = given.next();
            Kind kind = fields.get(field.getKey());
            if (kind == null) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            JsonNode read = kind.read(field.getValue(), problems);
            if (problems.isEmpty()) {
                values.set(field.getKey(), read);
            } else {
                errors.put(field.getKey(), problems);
            }
        }
        boolean creating = method.equals("POST");
        Set<String> allowed = creating ? createAllowed : modifyAllowed;
        Set<String> required = creating ? createRequired : modifyRequired;
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                errors.put(name, "Not allowed during " + method);
            }
        }
        for (String name : required) {
            if (!body.has(name)) {
                errors.put(name, "Required during " + method);
            }
        }
        return new Validated(errors, values);
    }
}
