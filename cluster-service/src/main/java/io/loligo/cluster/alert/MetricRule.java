package io.loligo.cluster.alert;

import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.metrics.Measurement;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An operator's threshold on a metric series: checked as given, then evaluated per series from metrics-service's
 * values. Pure.
 *
 * @param measurement as the metrics catalog names it; its counters are taken as per-second rates, as graphs show them
 */
public record MetricRule(String name, Measurement measurement, String field, Map<String, String> tags, String aggregate, Duration window,
                         Comparison comparison, double threshold, Duration holdFor, AlertSeverity severity, String description) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final List<String> AGGREGATES = List.of("mean", "max", "min");
    private static final Duration SHORTEST_WINDOW = Duration.ofSeconds(30);
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    private static final Duration LONGEST_HOLD = Duration.ofDays(7);

    public enum Comparison {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Optional<Comparison> of(String symbol) {
            return Arrays.stream(values()).filter(comparison -> comparison.symbol.equals(symbol)).findFirst();
        }
    }

    /** Whether a value of the series crosses the threshold. */
    public boolean crossed(double value) {
        return switch (comparison) {
            case ABOVE -> value > threshold;
            case AT_LEAST -> value >= threshold;
            case BELOW -> value < threshold;
            case AT_MOST -> value <= threshold;
        };
    }

    /** Whether the measurement's field is a counter, read as its rate. */
    public boolean rate() {
        return measurement.kind() == Measurement.Kind.COUNTER;
    }

    /**
     * The rule an operator's form describes, or empty after naming each bad field in {@code errors}.
     */
    public static Optional<MetricRule> check(AlertForms.MetricRule form, List<FieldError> errors) {
        int before = errors.size();
        if (form.name() == null || !NAME.matcher(form.name()).matches()) {
            errors.add(new FieldError("name", "1 to 64 letters and digits, starting with a letter, such as OsdSlowApply"));
        } else if (form.name().startsWith("Ceph") || form.name().startsWith("Loligo")) {
            errors.add(new FieldError("name", "names starting Ceph or Loligo are Loligo's own rules'"));
        }
        Optional<Measurement> measurement = Measurement.named(form.measurement() == null ? "" : form.measurement());
        if (measurement.isEmpty()) {
            errors.add(new FieldError("measurement", "no metric '" + form.measurement() + "'; there are "
                    + String.join(", ", Arrays.stream(Measurement.values()).map(Measurement::influxName).toList())));
        } else {
            if (form.field() == null || !measurement.get().fields().contains(form.field())) {
                errors.add(new FieldError("field", "not a field of " + form.measurement() + "; it has "
                        + String.join(", ", measurement.get().fields())));
            }
            Map<String, String> tags = form.tags() == null ? Map.of() : form.tags();
            tags.forEach((tag, value) -> {
                if (!measurement.get().tags().contains(tag)) {
                    errors.add(new FieldError("tags." + tag, "not a tag of " + form.measurement() + "; it has "
                            + String.join(", ", measurement.get().tags())));
                } else if (value == null || value.isBlank()) {
                    errors.add(new FieldError("tags." + tag, "a value is required"));
                }
            });
        }
        String aggregate = form.aggregate() == null ? "mean" : form.aggregate().toLowerCase(Locale.ROOT);
        if (!AGGREGATES.contains(aggregate)) {
            errors.add(new FieldError("aggregate", "one of " + String.join(", ", AGGREGATES)));
        }
        Duration window = span("window", form.window() == null ? "5m" : form.window(), SHORTEST_WINDOW, LONGEST_WINDOW, errors);
        Optional<Comparison> comparison = Comparison.of(form.comparison());
        if (comparison.isEmpty()) {
            errors.add(new FieldError("comparison", "one of >, >=, <, <="));
        }
        if (form.threshold() == null || form.threshold().isNaN() || form.threshold().isInfinite()) {
            errors.add(new FieldError("threshold", "a number is required"));
        }
        Duration holdFor = span("for", form.holdFor() == null ? "0s" : form.holdFor(), Duration.ZERO, LONGEST_HOLD, errors);
        Optional<AlertSeverity> severity = form.severity() == null ? Optional.of(AlertSeverity.WARNING)
                : Arrays.stream(AlertSeverity.values()).filter(known -> known != AlertSeverity.INFO && known.label().equals(form.severity())).findFirst();
        if (severity.isEmpty()) {
            errors.add(new FieldError("severity", "warning or critical"));
        }
        if (form.description() == null || form.description().isBlank()) {
            errors.add(new FieldError("description", "say what an operator should do when it fires"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MetricRule(form.name(), measurement.orElseThrow(), form.field(), new TreeMap<>(form.tags() == null ? Map.of() : form.tags()),
                aggregate, window, comparison.orElseThrow(), form.threshold(), holdFor, severity.orElseThrow(), form.description().strip()));
    }

    private static Duration span(String field, String given, Duration shortest, Duration longest, List<FieldError> errors) {
        Duration span = QueryValues.span(given);
        if (span == null) {
            errors.add(new FieldError(field, "'" + given + "' is not a duration such as 30s, 5m, 1h"));
        } else if (span.compareTo(shortest) < 0 || span.compareTo(longest) > 0) {
            errors.add(new FieldError(field, "from " + written(shortest) + " to " + written(longest)));
        }
        return span;
    }

    /** A span as it is typed: {@code 30s}, {@code 1d}. */
    private static String written(Duration span) {
        long seconds = span.toSeconds();
        for (long[] unit : new long[][] {{86_400, 'd'}, {3_600, 'h'}, {60, 'm'}}) {
            if (seconds > 0 && seconds % unit[0] == 0) {
                return seconds / unit[0] + String.valueOf((char) unit[1]);
            }
        }
        return seconds + "s";
    }
}
