package io.loligo.metrics.query;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.metrics.Measurement;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.metrics.config.MetricsConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One checked values query and the InfluxQL that answers it. The finest rollup that still holds the whole range at
 * the asked resolution is read, so a week at five minutes never scans raw points. Pure.
 *
 * @param resolution the step of the answer, a whole multiple of the rollup's step
 */
public record ValuesQuery(Measurement measurement, List<String> fields, Map<String, String> tags, Instant from, Instant until,
                          Duration resolution, Aggregate aggregate, boolean rate, Rollup rollup) {
    private static final String DEFAULT_RANGE = "-1h";

    /** @throws InvalidInput naming each parameter that is wrong */
    public static ValuesQuery of(String measurementName, List<String> fieldNames, List<String> tagFilters, String from, String until,
                                 String resolution, String aggregate, String rate, Instant now, MetricsConfig config) {
        List<FieldError> errors = new ArrayList<>();
        Measurement measurement = measurement(measurementName);
        List<String> fields = fieldNames == null || fieldNames.isEmpty() ? measurement.fields() : List.copyOf(fieldNames);
        fields.stream().filter(field -> !measurement.fields().contains(field)).findFirst().ifPresent(field ->
                errors.add(new FieldError("field", "'" + field + "' is not a field of " + measurement.influxName() + ": " + measurement.fields())));
        Map<String, String> tags = tags(measurement, tagFilters, errors);
        Instant start = QueryParams.time(from, QueryParams.time(DEFAULT_RANGE, null, now, "from", errors), now, "from", errors);
        Instant end = QueryParams.time(until, now, now, "until", errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("from", "must be before until"));
        }
        Aggregate function = aggregate == null || aggregate.isBlank() ? Aggregate.MEAN : Aggregate.parse(aggregate).orElse(null);
        if (function == null) {
            errors.add(new FieldError("aggregate", "must be mean, max, min or sum"));
        }
        boolean perSecond = "true".equalsIgnoreCase(rate);
        if (rate != null && !perSecond && !"false".equalsIgnoreCase(rate)) {
            errors.add(new FieldError("rate", "must be true or false"));
        } else if (perSecond && measurement.kind() != Measurement.Kind.COUNTER) {
            errors.add(new FieldError("rate", measurement.influxName() + " holds gauges; a rate is only for counters"));
        }
        Duration step = null;
        if (resolution != null && !resolution.isBlank() && !resolution.equals("auto")) {
            step = QueryValues.span(resolution);
            if (step == null || step.isZero()) {
                errors.add(new FieldError("resolution", "must be a positive span such as 10s, 5m or 1h, or auto"));
            }
        }
        InvalidInput.refuseIfAny(errors);
        return typed(measurement, fields, tags, new Range(start, end, QueryParams.relative(from), QueryParams.relative(until)), step,
                function, perSecond, now, config);
    }

    /**
     * A time range already read: whether either end was given relative to now decides whether it moves to the close
     * of the current step (see {@link #typed}).
     */
    public record Range(Instant from, Instant until, boolean fromRelative, boolean untilRelative) {
    }

    /**
     * A query from values already typed and checked against the catalog (Graphite's, which read their own forms):
     * only the resolution is chosen here, and a range that would answer too many points refused.
     *
     * @param resolution the step asked for, or null to choose one
     * @throws InvalidInput naming {@code resolution} when the answer would hold too many points
     */
    public static ValuesQuery typed(Measurement measurement, List<String> fields, Map<String, String> tags, Range range,
                                    Duration resolution, Aggregate aggregate, boolean rate, Instant now, MetricsConfig config) {
        MetricsConfig.Query limits = config.query();
        Instant start = range.from();
        Instant end = range.until();
        Duration length = Duration.between(start, end);
        Duration step = resolution == null ? length.dividedBy(limits.autoSteps()) : resolution;
        if (step.compareTo(limits.collectionInterval()) < 0) {
            step = limits.collectionInterval();
        }
        Rollup rollup = rollupFor(step, start, now, config.retention());
        step = roundUp(step, rollup.step());
        if (range.untilRelative()) {
            // a window that ends now ends at the close of the current step instead, so its answer (and its ETag) stays
            // the same until a point is written or a step begins: a poller is answered 304 between points, not a new
            // body every second; the current step's points are still inside it
            Duration ahead = untilCloseOfStep(end, step);
            end = end.plus(ahead);
            if (range.fromRelative()) {
                start = start.plus(ahead);
            }
            length = Duration.between(start, end);
        }
        long points = (length.toSeconds() + step.toSeconds() - 1) / step.toSeconds() * fields.size();
        if (points > limits.maxPoints()) {
            throw InvalidInput.of("resolution", "would give " + points + " points per series, more than "
                    + limits.maxPoints() + ": choose a coarser resolution or a shorter range");
        }
        return new ValuesQuery(measurement, fields, tags, start, end, step, aggregate, rate, rollup);
    }

    /** The InfluxQL, with every name from the catalog and every tag value quoted. */
    public String influxQl(String database) {
        String select = fields.stream().map(field -> {
            String read = aggregate.influxFunction() + "(\"" + rollup.storedField(field, aggregate) + "\")";
            return (rate ? "non_negative_derivative(" + read + ", 1s)" : read) + " AS \"" + field + "\"";
        }).collect(Collectors.joining(", "));
        StringBuilder query = new StringBuilder("SELECT ").append(select).append(" FROM \"").append(database).append("\".\"")
                .append(rollup.retentionPolicy()).append("\".\"").append(measurement.influxName()).append("\" WHERE time >= ")
                .append(from.getEpochSecond()).append("s AND time < ").append(until.getEpochSecond()).append('s');
        query.append(conditions(tags, " AND "));
        query.append(" GROUP BY time(").append(resolution.toSeconds()).append("s)");
        measurement.tags().forEach(tag -> query.append(", \"").append(tag).append('"'));
        return query.append(" fill(none)").toString();
    }

    static Map<String, String> tags(Measurement measurement, List<String> filters, List<FieldError> errors) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String filter : filters == null ? List.<String>of() : filters) {
            int colon = filter.indexOf(':');
            String tag = colon < 0 ? filter : filter.substring(0, colon);
            if (colon < 0 || !measurement.tags().contains(tag)) {
                errors.add(new FieldError("tag", "'" + filter + "' is not key:value with a key of " + measurement.influxName() + ": "
                        + measurement.tags()));
            } else {
                tags.put(tag, filter.substring(colon + 1));
            }
        }
        return tags;
    }

    /** @throws InvalidInput naming the measurements there are */
    static Measurement measurement(String name) {
        return Measurement.named(name == null ? "" : name).orElseThrow(() -> InvalidInput.of("measurement",
                "must be one of " + Arrays.stream(Measurement.values()).map(Measurement::influxName).toList()));
    }

    /** The tags' conditions joined by AND, after {@code first} ({@code " WHERE "} or {@code " AND "}); empty for none. */
    static String conditions(Map<String, String> tags, String first) {
        StringBuilder conditions = new StringBuilder();
        tags.forEach((tag, value) -> conditions.append(conditions.isEmpty() ? first : " AND ").append(tagCondition(tag, value)));
        return conditions.toString();
    }

    /** A tag equal to a value, or matching it when the value holds {@code *}, which stands for any text. */
    static String tagCondition(String tag, String value) {
        if (!value.contains("*")) {
            return "\"" + tag + "\" = '" + quoted(value) + "'";
        }
        StringBuilder regex = new StringBuilder("\"").append(tag).append("\" =~ /^");
        for (char c : value.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                regex.append(c);
            } else {
                // RE2 takes any punctuation escaped, and the slash must be, to stay inside the literal
                regex.append('\\').append(c);
            }
        }
        return regex.append("$/").toString();
    }

    /** InfluxQL string literals escape the quote and the backslash. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static Rollup rollupFor(Duration step, Instant start, Instant now, MetricsConfig.Retention retention) {
        for (Rollup rollup : Rollup.values()) {
            Rollup coarser = rollup.ordinal() + 1 < Rollup.values().length ? Rollup.values()[rollup.ordinal() + 1] : null;
            boolean fineEnough = coarser == null || step.compareTo(coarser.step()) < 0;
            if (fineEnough && !start.isBefore(now.minus(rollup.keptFor(retention)))) {
                return rollup;
            }
        }
        return Rollup.ONE_HOUR;
    }

    private static Duration untilCloseOfStep(Instant instant, Duration step) {
        long seconds = step.toSeconds();
        long intoStep = Math.floorMod(instant.getEpochSecond(), seconds);
        return intoStep == 0 && instant.getNano() == 0 ? Duration.ZERO
                : Duration.ofSeconds(seconds - intoStep).minusNanos(instant.getNano());
    }

    private static Duration roundUp(Duration step, Duration unit) {
        if (unit.isZero()) {
            return Duration.ofSeconds(Math.max(1, step.toSeconds()));
        }
        long units = (step.toSeconds() + unit.toSeconds() - 1) / unit.toSeconds();
        return unit.multipliedBy(Math.max(1, units));
    }
}
