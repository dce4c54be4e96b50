package io.loligo.metrics.query;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The forms a time or a resolution takes in a query. Pure. */
final class QueryParams {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private QueryParams() {
    }

    /**
     * @param given epoch seconds, an ISO-8601 instant, {@code now}, or {@code -<span>} before now
     * @return the instant, or null after adding an error to {@code errors}
     */
    static Instant time(String given, Instant fallback, Instant now, String field, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        String value = given.trim();
        if (value.equals("now")) {
            return now;
        }
        if (value.startsWith("-")) {
            Duration before = QueryValues.span(value.substring(1));
            if (before != null) {
                return now.minus(before);
            }
        } else if (EPOCH_SECONDS.matcher(value).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } else {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new FieldError(field, "'" + given + "' is not a time: give epoch seconds, an ISO-8601 instant, now, or -1h, -7d ..."));
        return null;
    }

    /** Whether a time, as {@link #time} takes it, is relative to now: absent, {@code now} or before now. */
    static boolean relative(String given) {
        return given == null || given.isBlank() || given.trim().equals("now") || given.trim().startsWith("-");
    }
}
