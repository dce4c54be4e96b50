package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules evaluated from metric series, read from metrics-service: operators' thresholds at every evaluation, and
 * the growth trends every {@code loligo.alerts.growth.every}. A rule whose series cannot be read is left out of an
 * evaluation, not taken as cleared: its open alerts stay as they are until it can be read again.
 */
@ApplicationScoped
public class SeriesEvaluation {
    static final String POOL_GROWTH = "CephPoolGrowthWarning";
    static final String OSD_GROWTH = "CephOsdGrowthWarning";
    private static final Duration SHORTEST_STEP = Duration.ofSeconds(10);
    private static final int STEPS_PER_WINDOW = 10;
    private static final int STEPS_PER_TREND = 100;

    @Inject
    @RestClient
    MetricsServiceClient metrics;
    @Inject
    MetricRules rules;
    @Inject
    AlertConfig config;
    @Inject
    ObjectMapper mapper;

    /** The growth conditions last read, and when: reused until the next read is due. */
    private record Trends(Instant readAt, Map<String, List<Condition>> byCluster) {
    }

    private volatile Trends trends;
    private volatile boolean unreachable;

    /**
     * @param unread the alert names whose rules could not be evaluated now
     * @param holdFor how long each operator's rule must hold before its alert fires
     */
    public record Found(Map<String, List<Condition>> byCluster, Set<String> unread, Map<String, Duration> holdFor) {
        public List<Condition> of(String fsid) {
            return byCluster.getOrDefault(fsid, List.of());
        }
    }

    public Found evaluate(Map<String, String> clusterNames, Map<String, Set<String>> clustersOfHost, Instant now) {
        Map<String, List<Condition>> found = new HashMap<>();
        Set<String> unread = new HashSet<>();
        Map<String, Duration> holdFor = new HashMap<>();
        boolean failed = false;
        for (MetricRule rule : rules.all()) {
            holdFor.put(rule.name(), rule.holdFor());
            try {
                long step = Math.max(SHORTEST_STEP.toSeconds(), rule.window().toSeconds() / STEPS_PER_WINDOW);
                JsonNode values = read(metrics.metricValues(rule.measurement().influxName(), List.of(rule.field()),
                        rule.tags().entrySet().stream().map(tag -> tag.getKey() + ":" + tag.getValue()).toList(),
                        "-" + rule.window().toSeconds(), null, String.valueOf(step), rule.aggregate(), String.valueOf(rule.rate())));
                merge(found, MetricConditions.threshold(rule, values, clusterNames, clustersOfHost));
            } catch (RuntimeException | IOException e) {
                failed = true;
                unread.add(rule.name());
                warnOnce(rule.name(), e);
            }
        }
        Trends last = trends;
        if (last == null || !last.readAt().plus(config.growth().every()).isAfter(now)) {
            try {
                last = new Trends(now, growth(clusterNames, now));
                trends = last;
            } catch (RuntimeException | IOException e) {
                failed = true;
                warnOnce("growth", e);
            }
        }
        if (last == null) {
            unread.addAll(List.of(POOL_GROWTH, OSD_GROWTH));
        } else {
            merge(found, last.byCluster());
        }
        if (!failed && unreachable) {
            Log.info("metric series read again: the rules on them are evaluated again");
        }
        unreachable = failed;
        return new Found(found, unread, holdFor);
    }

    private Map<String, List<Condition>> growth(Map<String, String> clusterNames, Instant now) throws IOException {
        Duration window = config.growth().window();
        String step = String.valueOf(Math.max(SHORTEST_STEP.toSeconds(), window.toSeconds() / STEPS_PER_TREND));
        String from = "-" + window.toSeconds();
        Map<String, List<Condition>> found = new HashMap<>();
        JsonNode pools = read(metrics.metricValues("pool", List.of("percent_used"), List.of(), from, null, step, "mean", "false"));
        merge(found, MetricConditions.growth(POOL_GROWTH, "pool", pools, config.growth().threshold(), config.growth().horizon(), now, clusterNames));
        JsonNode osds = read(metrics.metricValues("osd", List.of("utilization"), List.of(), from, null, step, "mean", "false"));
        merge(found, MetricConditions.growth(OSD_GROWTH, "osd", osds, config.growth().threshold(), config.growth().horizon(), now, clusterNames));
        return found;
    }

    private JsonNode read(byte[] answer) throws IOException {
        return mapper.readTree(answer);
    }

    private void warnOnce(String what, Exception e) {
        if (!unreachable) {
            Log.warnf("metric series for %s not read, its alerts kept as they are until they are: %s", what, e.toString());
        }
    }

    private static void merge(Map<String, List<Condition>> into, Map<String, List<Condition>> more) {
        more.forEach((fsid, conditions) -> into.computeIfAbsent(fsid, any -> new ArrayList<>()).addAll(conditions));
    }
}
