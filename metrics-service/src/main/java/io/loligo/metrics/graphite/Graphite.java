package io.loligo.metrics.graphite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.metrics.config.MetricsConfig;
import io.loligo.metrics.query.Aggregate;
import io.loligo.metrics.query.MetricQueries;
import io.loligo.metrics.query.ValuesQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graphite's render and find, for the paths Calamari graphed, so that Graphite-style dashboards and scripts keep
 * working. The functions Calamari used are served: {@code sumSeries} (and {@code sum}), {@code scale} and
 * {@code alias}. A path Loligo does not keep answers no series, as Graphite answers for a metric it never received.
 */
@ApplicationScoped
public class Graphite {
    private static final Pattern RELATIVE = Pattern.compile("-(\\d+)(s|sec|secs|second|seconds|min|mins|minute|minutes|m|h|hour|hours"
            + "|d|day|days|w|week|weeks|mon|month|months|y|year|years)");
    private static final String DEFAULT_FROM = "-1d";

    @Inject
    MetricQueries queries;
    @Inject
    MetricsConfig config;
    @Inject
    ObjectMapper mapper;

    /** A named series: Graphite's unit of every answer. */
    record Named(String name, TreeMap<Long, Double> points) {
    }

    /**
     * @param format {@code json} (Graphite's) or {@code json-array} (Calamari's: one row {@code [time, y1, y2, ...]} per
     *               step, for Dygraphs)
     */
    public byte[] render(List<String> targets, String from, String until, String format, String maxDataPoints) {
        List<FieldError> errors = new ArrayList<>();
        if (targets == null || targets.isEmpty()) {
            errors.add(new FieldError("target", "is needed, such as ceph.cluster.<fsid>.pool.all.num_read"));
        }
        String answerFormat = format == null || format.isBlank() ? "json" : format;
        if (!answerFormat.equals("json") && !answerFormat.equals("json-array")) {
            errors.add(new FieldError("format", "must be json or json-array"));
        }
        boolean pointsGiven = maxDataPoints != null && !maxDataPoints.isBlank();
        if (pointsGiven && (!maxDataPoints.matches("\\d{1,9}") || Long.parseLong(maxDataPoints) == 0)) {
            errors.add(new FieldError("maxDataPoints", "must be a positive number"));
        }
        List<Target> parsed = new ArrayList<>();
        for (String target : targets == null ? List.<String>of() : targets) {
            try {
                parsed.add(Target.parse(target));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("target", e.getMessage()));
            }
        }
        String start = from == null || from.isBlank() ? DEFAULT_FROM : from.trim();
        String end = until == null || until.isBlank() ? "now" : until.trim();
        Instant now = Instant.now();
        Instant fromTime = time(start, now, "from", errors);
        Instant untilTime = time(end, now, "until", errors);
        if (fromTime != null && untilTime != null && !fromTime.isBefore(untilTime)) {
            errors.add(new FieldError("from", "must be before until"));
        }
        InvalidInput.refuseIfAny(errors);
        Duration resolution = pointsGiven
                ? Duration.ofSeconds(Math.max(1, Duration.between(fromTime, untilTime).toSeconds() / Long.parseLong(maxDataPoints))) : null;
        Window window = new Window(new ValuesQuery.Range(fromTime, untilTime, relative(start), relative(end)), resolution, now);
        List<Named> series = new ArrayList<>();
        for (Target target : parsed) {
            series.addAll(evaluate(target, path -> path(path, window)));
        }
        return queries.bytes(answerFormat.equals("json") ? json(series) : jsonArray(series));
    }

    /** Graphite's find: the nodes one level below a path whose last segment is a glob, such as {@code servers.*}. */
    public byte[] find(String query) {
        if (query == null || query.isBlank()) {
            throw InvalidInput.of("query", "is needed, such as servers.*");
        }
        List<String> segments = List.of(query.split("\\.", -1));
        List<String> prefix = segments.subList(0, segments.size() - 1);
        Pattern last = glob(segments.get(segments.size() - 1));
        Map<String, boolean[]> nodes = new TreeMap<>();
        for (GraphitePaths.Child child : GraphitePaths.children(prefix)) {
            List<String> texts = child.tag() == null ? List.of(child.segment()) : tagValues(child);
            for (String text : texts) {
                if (last.matcher(text).matches()) {
                    boolean[] kinds = nodes.computeIfAbsent(text, node -> new boolean[2]);
                    kinds[child.leaf() ? 0 : 1] = true;
                }
            }
        }
        ArrayNode answer = mapper.createArrayNode();
        String parent = prefix.isEmpty() ? "" : String.join(".", prefix) + ".";
        nodes.forEach((text, kinds) -> answer.addObject().put("text", text).put("id", parent + text)
                .put("leaf", kinds[0] ? 1 : 0).put("expandable", kinds[1] ? 1 : 0).put("allowChildren", kinds[1] ? 1 : 0));
        return queries.bytes(answer);
    }

    /** @param resolution the step asked for, or null to choose one */
    private record Window(ValuesQuery.Range range, Duration resolution, Instant now) {
    }

    /** A target's series: its paths' read by {@code paths}, then Graphite's functions applied. Pure but for {@code paths}. */
    static List<Named> evaluate(Target target, Function<String, List<Named>> paths) {
        if (target instanceof Target.Path path) {
            return paths.apply(path.path());
        }
        if (target instanceof Target.Call call) {
            return call(call, paths);
        }
        throw invalid("only series can be graphed, not " + describe(target));
    }

    private static List<Named> call(Target.Call call, Function<String, List<Named>> paths) {
        String function = call.function();
        List<Target> arguments = call.arguments();
        switch (function) {
            case "sumSeries", "sum" -> {
                List<Named> all = new ArrayList<>();
                arguments.forEach(argument -> all.addAll(evaluate(argument, paths)));
                TreeMap<Long, Double> sum = new TreeMap<>();
                all.forEach(one -> one.points().forEach((time, value) -> sum.merge(time, value, Double::sum)));
                List<String> names = arguments.stream().map(Graphite::describe).toList();
                return all.isEmpty() ? List.of() : List.of(new Named(function + "(" + String.join(",", names) + ")", sum));
            }
            case "scale" -> {
                if (arguments.size() != 2 || !(arguments.get(1) instanceof Target.Number factor)) {
                    throw invalid("scale takes a series and a number");
                }
                return evaluate(arguments.get(0), paths).stream().map(one -> {
                    TreeMap<Long, Double> scaled = new TreeMap<>();
                    one.points().forEach((time, value) -> scaled.put(time, value * factor.value()));
                    return new Named("scale(" + one.name() + "," + format(factor.value()) + ")", scaled);
                }).toList();
            }
            case "alias" -> {
                if (arguments.size() != 2 || !(arguments.get(1) instanceof Target.Text name)) {
                    throw invalid("alias takes a series and a quoted name");
                }
                return evaluate(arguments.get(0), paths).stream().map(one -> new Named(name.value(), one.points())).toList();
            }
            default -> throw invalid("unknown function " + function + "; served: sumSeries, sum, scale, alias");
        }
    }

    private List<Named> path(String path, Window window) {
        Optional<GraphitePaths.Match> found = GraphitePaths.match(path);
        if (found.isEmpty()) {
            return List.of();
        }
        GraphitePaths.Mapping mapping = found.get().mapping();
        Map<String, String> segments = found.get().tagSegments();
        Map<String, String> tags = new LinkedHashMap<>(GraphitePaths.queryable(segments));
        tags.putAll(mapping.fixedTags());
        ValuesQuery query = ValuesQuery.typed(mapping.measurement(), mapping.fields(), tags, window.range(), window.resolution(),
                Aggregate.MEAN, mapping.rate(), window.now(), config);
        // per name, per field: the stored series before they make one value
        Map<String, Map<String, TreeMap<Long, Double>>> byName = new LinkedHashMap<>();
        for (MetricQueries.Series series : queries.read(query)) {
            String name = concreteName(mapping, segments, series.tags());
            if (name == null) {
                continue;
            }
            TreeMap<Long, Double> points = byName.computeIfAbsent(name, key -> new LinkedHashMap<>())
                    .computeIfAbsent(series.field(), field -> new TreeMap<>());
            series.points().forEach(point -> points.merge(point.time(), point.value() / mapping.divisor(), Double::sum));
        }
        List<Named> named = new ArrayList<>();
        byName.forEach((name, fields) -> named.add(new Named(name, combine(mapping, fields))));
        return named;
    }

    private static TreeMap<Long, Double> combine(GraphitePaths.Mapping mapping, Map<String, TreeMap<Long, Double>> fields) {
        TreeMap<Long, Double> combined = new TreeMap<>();
        if (mapping.combine() == GraphitePaths.Combine.SUM) {
            fields.values().forEach(points -> points.forEach((time, value) -> combined.merge(time, value, Double::sum)));
            return combined;
        }
        TreeMap<Long, Double> sums = fields.getOrDefault(mapping.fields().get(0), new TreeMap<>());
        TreeMap<Long, Double> counts = fields.getOrDefault(mapping.fields().get(1), new TreeMap<>());
        // a step without operations has no average, rather than a zero one
        sums.forEach((time, sum) -> {
            Double count = counts.get(time);
            if (count != null && count > 0) {
                combined.put(time, sum / count);
            }
        });
        return combined;
    }

    /** The path with the series' own tag values, or null when they do not match what the path asked for. */
    private static String concreteName(GraphitePaths.Mapping mapping, Map<String, String> asked, Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        for (String segment : mapping.segments()) {
            if (segment.startsWith("{")) {
                String tag = segment.substring(1, segment.length() - 1);
                String written = GraphitePaths.encode(tag, tags.getOrDefault(tag, ""));
                if (!glob(asked.get(tag)).matcher(written).matches()) {
                    return null;
                }
                parts.add(written);
            } else {
                parts.add(segment);
            }
        }
        return String.join(".", parts);
    }

    private List<String> tagValues(GraphitePaths.Child child) {
        List<String> encoded = new ArrayList<>();
        for (String value : queries.tagValues(child.mapping().measurement(), child.tag(), GraphitePaths.queryable(child.tagSegments()))) {
            encoded.add(GraphitePaths.encode(child.tag(), value));
        }
        return new ArrayList<>(new TreeSet<>(encoded));
    }

    private ArrayNode json(List<Named> series) {
        ArrayNode answer = mapper.createArrayNode();
        for (Named one : series) {
            ObjectNode entry = answer.addObject().put("target", one.name());
            ArrayNode points = entry.putArray("datapoints");
            one.points().forEach((time, value) -> points.addArray().add(value).add(time));
        }
        return answer;
    }

    /** One row per time any series has, with null where a series has no value then. */
    private ArrayNode jsonArray(List<Named> series) {
        TreeSet<Long> times = new TreeSet<>();
        series.forEach(one -> times.addAll(one.points().keySet()));
        ArrayNode rows = mapper.createArrayNode();
        for (long time : times) {
            ArrayNode row = rows.addArray().add(time);
            series.forEach(one -> {
                Double value = one.points().get(time);
                if (value == null) {
                    row.addNull();
                } else {
                    row.add(value);
                }
            });
        }
        return rows;
    }

    /**
     * Graphite's times: {@code now}, epoch seconds, or before now ({@code -10min}, {@code -12hour}, {@code -7d}; a month
     * is 30 days and a year 365, as Graphite counts them).
     *
     * @return the instant, or null after adding an error to {@code errors}
     */
    static Instant time(String given, Instant now, String field, List<FieldError> errors) {
        if (given.equals("now")) {
            return now;
        }
        if (given.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(given));
        }
        Matcher relative = RELATIVE.matcher(given.toLowerCase(Locale.ROOT));
        if (!relative.matches()) {
            errors.add(new FieldError(field, "'" + given + "' is not a time: give now, epoch seconds or -10min, -12hour, -7d ..."));
            return null;
        }
        long amount = Long.parseLong(relative.group(1));
        String unit = relative.group(2);
        Duration before;
        if (unit.startsWith("mon")) {
            before = Duration.ofDays(30 * amount);
        } else if (unit.startsWith("y")) {
            before = Duration.ofDays(365 * amount);
        } else if (unit.startsWith("mi") || unit.equals("m")) {
            before = Duration.ofMinutes(amount);
        } else {
            before = switch (unit.charAt(0)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            };
        }
        return now.minus(before);
    }

    /** Whether a time, in the forms {@link #time} reads, moves with now: {@code now} or before it. */
    private static boolean relative(String given) {
        return given.equals("now") || given.startsWith("-");
    }

    /** A glob with {@code *}, as a pattern. */
    private static Pattern glob(String segment) {
        StringBuilder regex = new StringBuilder();
        for (String part : segment.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[^.]*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String describe(Target target) {
        if (target instanceof Target.Path path) {
            return path.path();
        }
        if (target instanceof Target.Call call) {
            return call.function() + "(" + String.join(",", call.arguments().stream().map(Graphite::describe).toList()) + ")";
        }
        if (target instanceof Target.Number number) {
            return format(number.value());
        }
        return "'" + ((Target.Text) target).value() + "'";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static InvalidInput invalid(String message) {
        return InvalidInput.of("target", message);
    }
}
