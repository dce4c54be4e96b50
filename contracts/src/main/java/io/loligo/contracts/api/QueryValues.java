package io.loligo.contracts.api;

import io.loligo.contracts.api.Problem.FieldError;

import java.util.List;
import java.util.Locale;

/** Parsing of query values given as text; a bad value becomes a named field error instead of an exception. Pure. */
public final class QueryValues {
    private QueryValues() {
    }

    public static Integer integer(String field, String value, int minimum, List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < minimum) {
                errors.add(new FieldError(field, "must be at least " + minimum));
                return null;
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number, not '" + value + "'"));
            return null;
        }
    }

    public static Boolean bool(String field, String value, List<FieldError> errors) {
        if (blankToNull(value) == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                errors.add(new FieldError(field, "must be true or false, not '" + value + "'"));
                yield null;
            }
        };
    }

    /**
     * An id from the path, such as a pool's or a CRUSH node's.
     *
     * @param what what the id names, for the message
     * @throws ApiException 400 naming the {@code id} field when it is not a whole number
     */
    public static int pathId(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(List.of(new FieldError("id", "must be a " + what + " id (a whole number), not '" + value + "'")));
        }
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
