package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What metric series say is wrong, from metrics-service's values answers ({@code GET /metrics/values}: series of
 * {@code [epoch seconds, value]} points with their tags): operators' thresholds, and pools and OSDs whose use grows
 * toward full. Each condition goes to the cluster its series is of: its {@code fsid} tag, or else the clusters its
 * {@code host} serves. Pure.
 */
public final class MetricConditions {
    /** Fewer points than this say too little of a trend to extrapolate it days ahead. */
    static final int FEWEST_POINTS_FOR_A_TREND = 6;

    private MetricConditions() {
    }

    /**
     * @param clusterNames every cluster's name by fsid: the clusters conditions may be of
     * @param clustersOfHost the fsids each host serves
     * @return the conditions by fsid
     */
    public static Map<String, List<Condition>> threshold(MetricRule rule, JsonNode values, Map<String, String> clusterNames,
                                                         Map<String, Set<String>> clustersOfHost) {
        Map<String, List<Condition>> found = new HashMap<>();
        for (JsonNode series : values.path("series")) {
            List<double[]> points = points(series);
            if (points.isEmpty()) {
                continue;
            }
            double value = combined(rule.aggregate(), points);
            if (!rule.crossed(value)) {
                continue;
            }
            Map<String, String> tags = tags(series);
            String of = describe(tags);
            String summary = rule.field() + (of.isEmpty() ? "" : " of " + of) + " is " + figure(value)
                    + (rule.rate() ? "/s" : "") + " (" + rule.aggregate() + " over " + rule.window().toSeconds() + " s), "
                    + rule.comparison().symbol() + " " + figure(rule.threshold());
            add(found, tags, clusterNames, clustersOfHost, fsid -> Condition.of(rule.name(), rule.severity(), labels(tags, fsid, clusterNames),
                    summary, rule.description()));
        }
        return found;
    }

    /**
     * Series whose straight-line trend over their points reaches {@code threshold} within {@code horizon} of now, as
     * Ceph's {@code CephPoolGrowthWarning} predicts with {@code predict_linear}; those already there are left to the
     * full and near-full alerts.
     *
     * @param subject what a series is of: {@code pool} or {@code osd}, its tag and label
     */
    public static Map<String, List<Condition>> growth(String name, String subject, JsonNode values, double threshold, Duration horizon,
                                                      Instant now, Map<String, String> clusterNames) {
        Map<String, List<Condition>> found = new HashMap<>();
        for (JsonNode series : values.path("series")) {
            List<double[]> points = points(series);
            if (points.size() < FEWEST_POINTS_FOR_A_TREND) {
                continue;
            }
            double[] line = leastSquares(points);
            double latest = points.get(points.size() - 1)[1];
            double predicted = line[0] + line[1] * (now.plus(horizon).getEpochSecond());
            if (line[1] <= 0 || latest >= threshold || predicted < threshold) {
                continue;
            }
            long daysLeft = (long) Math.floor((threshold - (line[0] + line[1] * now.getEpochSecond())) / line[1] / 86_400);
            Map<String, String> tags = tags(series);
            // an OSD is labelled as CephOsdDown labels it
            String labelled = subject.equals("osd") ? "osd." + tags.get("osd") : tags.get(subject);
            String what = subject.equals("osd") ? labelled : "pool " + labelled;
            String summary = what + " is " + figure(latest) + "% used and grows " + figure(line[1] * 86_400) + " points a day: "
                    + figure(threshold) + "% in about " + daysLeft + " days";
            String description = subject.equals("osd")
                    ? "Add capacity, or reweight data off this OSD, before it reaches its full ratio and blocks writes to its PGs."
                    : "Add capacity, or find what writes to the pool and delete or move data, before it fills and writes to it stop.";
            Map<String, String> kept = new TreeMap<>();
            kept.put(subject, labelled);
            kept.put("fsid", tags.get("fsid"));
            add(found, kept, clusterNames, Map.of(), fsid -> Condition.of(name, AlertSeverity.WARNING, labels(kept, fsid, clusterNames), summary,
                    description));
        }
        return found;
    }

    /** Intercept and slope (per second) of the least-squares line through the points. */
    static double[] leastSquares(List<double[]> points) {
        double origin = points.get(0)[0];
        double meanX = 0;
        double meanY = 0;
        for (double[] point : points) {
            meanX += point[0] - origin;
            meanY += point[1];
        }
        meanX /= points.size();
        meanY /= points.size();
        double covariance = 0;
        double variance = 0;
        for (double[] point : points) {
            double dx = point[0] - origin - meanX;
            covariance += dx * (point[1] - meanY);
            variance += dx * dx;
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        return new double[] {meanY - slope * (meanX + origin), slope};
    }

    private interface ConditionOf {
        Condition in(String fsid);
    }

    private static void add(Map<String, List<Condition>> found, Map<String, String> tags, Map<String, String> clusterNames,
                            Map<String, Set<String>> clustersOfHost, ConditionOf condition) {
        Set<String> fsids = tags.containsKey("fsid") ? Set.of(tags.get("fsid")) : clustersOfHost.getOrDefault(tags.get("host"), Set.of());
        for (String fsid : fsids) {
            if (clusterNames.containsKey(fsid)) {
                found.computeIfAbsent(fsid, any -> new ArrayList<>()).add(condition.in(fsid));
            }
        }
    }

    private static Map<String, String> labels(Map<String, String> tags, String fsid, Map<String, String> clusterNames) {
        Map<String, String> labels = new TreeMap<>(tags);
        labels.put("fsid", fsid);
        labels.put("cluster", clusterNames.get(fsid));
        return labels;
    }

    private static List<double[]> points(JsonNode series) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode point : series.path("points")) {
            if (point.path(1).isNumber()) {
                points.add(new double[] {point.path(0).asDouble(), point.path(1).asDouble()});
            }
        }
        return points;
    }

    private static Map<String, String> tags(JsonNode series) {
        Map<String, String> tags = new TreeMap<>();
        series.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return tags;
    }

    private static double combined(String aggregate, List<double[]> points) {
        return switch (aggregate) {
            case "max" -> points.stream().mapToDouble(point -> point[1]).max().orElseThrow();
            case "min" -> points.stream().mapToDouble(point -> point[1]).min().orElseThrow();
            default -> points.stream().mapToDouble(point -> point[1]).average().orElseThrow();
        };
    }

    /** The series' tags but its cluster's, which every alert names anyway: {@code osd=3}, {@code host=a, mount=/}. */
    private static String describe(Map<String, String> tags) {
        StringBuilder text = new StringBuilder();
        tags.forEach((tag, value) -> {
            if (!tag.equals("fsid")) {
                text.append(text.isEmpty() ? "" : ", ").append(tag).append('=').append(value);
            }
        });
        return text.toString();
    }

    private static String figure(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
