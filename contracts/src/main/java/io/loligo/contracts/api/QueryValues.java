package io.loligo.contracts.api;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of query values given as text; a bad value becomes a named field error instead of an exception. Pure. */
public final class QueryValues {
    /** {@code 10s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 2w}; a bare number is seconds. */
    private static final Pattern SPAN = Pattern.compile("(\\d+)([smhdw]?)");

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
     * @throws InvalidInput naming the {@code id} field when it is not a whole number
     */
    public static int pathId(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("id", "must be a " + what + " id (a whole number), not '" + value + "'");
        }
    }

    /** @return the span ({@code 10s}, {@code 5m}, {@code 1h}, {@code 7d}, {@code 2w}, or seconds), or null when it is not one */
    public static Duration span(String given) {
        Matcher matcher = SPAN.matcher(given.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(1).length() > 9) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "", "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
