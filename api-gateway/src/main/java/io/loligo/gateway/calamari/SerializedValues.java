package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.List;

/** The values a {@link DrfSerializer} read, as the Java types Loligo's forms take. Pure. */
final class SerializedValues {
    private SerializedValues() {
    }

    static String text(ObjectNode values, String field) {
        return values.hasNonNull(field) ? values.get(field).asText() : null;
    }

    /** @throws InvalidInput a 400 on the field for a whole number beyond Java's int, which Python's int would have taken */
    static Integer integer(ObjectNode values, String field) {
        if (!values.hasNonNull(field)) {
            return null;
        }
        if (!values.get(field).canConvertToInt()) {
            throw InvalidInput.of(field, "Ensure this value is less than or equal to " + Integer.MAX_VALUE + ".");
        }
        return values.get(field).asInt();
    }

    static Long number(ObjectNode values, String field) {
        return values.hasNonNull(field) ? values.get(field).asLong() : null;
    }

    static Double decimal(ObjectNode values, String field) {
        return values.hasNonNull(field) ? values.get(field).asDouble() : null;
    }

    static Boolean bool(ObjectNode values, String field) {
        return values.hasNonNull(field) ? values.get(field).asBoolean() : null;
    }
}
