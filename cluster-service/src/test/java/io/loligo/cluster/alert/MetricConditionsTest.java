package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.AlertForms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class MetricConditionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FSID = "0a4f2b2e-1111-4c3d-9e0f-5a6b7c8d9e0f";
    private static final Map<String, String> CLUSTERS = Map.of(FSID, "lab");
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** A values answer as metrics-service writes it: one series per tag combination, points of [seconds, value]. */
    private static JsonNode values(Map<Map<String, String>, double[]> series, Duration step) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode all = answer.putArray("series");
        series.forEach((tags, points) -> {
            ObjectNode one = all.addObject().put("field", "f");
            tags.forEach(one.putObject("tags")::put);
            ArrayNode kept = one.putArray("points");
            for (int i = 0; i < points.length; i++) {
                long at = NOW.minus(step.multipliedBy(points.length - i)).getEpochSecond();
                if (Double.isNaN(points[i])) {
                    kept.addArray().add(at).addNull();
                } else {
                    kept.addArray().add(at).add(points[i]);
                }
            }
        });
        return answer;
    }

    private static MetricRule rule(String measurement, String field, String aggregate, String comparison, double threshold) {
        return MetricRule.check(new AlertForms.MetricRule("Mine", measurement, field, null, aggregate, "1m", comparison, threshold, null, null,
                "Do something."), new ArrayList<>()).orElseThrow();
    }

    @Test
    void eachSeriesCrossingTheThresholdIsAConditionOfItsCluster() {
        JsonNode answer = values(Map.of(
                Map.of("fsid", FSID, "osd", "1"), new double[] {10, 30, 50},
                Map.of("fsid", FSID, "osd", "2"), new double[] {10, 10, Double.NaN},
                Map.of("fsid", "another", "osd", "3"), new double[] {90, 90, 90}), Duration.ofSeconds(10));
        Map<String, List<Condition>> found = MetricConditions.threshold(rule("osd", "apply_latency_ms", "mean", ">", 20), answer, CLUSTERS, Map.of());
        assertThat(found).containsOnlyKeys(FSID);
        Condition condition = found.get(FSID).get(0);
        assertThat(found.get(FSID)).hasSize(1);
        assertThat(condition.labels()).containsEntry("alertname", "Mine").containsEntry("osd", "1").containsEntry("fsid", FSID)
                .containsEntry("cluster", "lab").containsEntry("severity", "warning");
        assertThat(condition.summary()).isEqualTo("apply_latency_ms of osd=1 is 30 (mean over 60 s), > 20");
        assertThat(MetricConditions.threshold(rule("osd", "apply_latency_ms", "max", ">", 50), answer, CLUSTERS, Map.of())).isEmpty();
        assertThat(MetricConditions.threshold(rule("osd", "apply_latency_ms", "min", "<=", 10), answer, CLUSTERS, Map.of()).get(FSID))
                .extracting(each -> each.labels().get("osd")).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void aHostsSeriesIsOfTheClustersItServes() {
        JsonNode answer = values(Map.of(Map.of("host", "node-1", "mount", "/"), new double[] {95, 96}), Duration.ofSeconds(10));
        Map<String, List<Condition>> found = MetricConditions.threshold(rule("filesystem", "used", "max", ">", 90), answer, CLUSTERS,
                Map.of("node-1", Set.of(FSID)));
        assertThat(found.get(FSID)).singleElement().satisfies(condition ->
                assertThat(condition.labels()).containsEntry("host", "node-1").containsEntry("mount", "/").containsEntry("fsid", FSID));
        assertThat(MetricConditions.threshold(rule("filesystem", "used", "max", ">", 90), answer, CLUSTERS, Map.of())).isEmpty();
    }

    @Test
    void aPoolGrowingTowardFullWithinTheHorizonIsPredicted() {
        Duration step = Duration.ofHours(4);
        // 2 points a day from 50 %: 95 % in 22.5 days
        double[] growing = {50, 50.33, 50.67, 51, 51.33, 51.67, 52, 52.33, 52.67, 53, 53.33, 53.67};
        JsonNode answer = values(Map.of(Map.of("fsid", FSID, "pool", "3"), growing, Map.of("fsid", FSID, "pool", "4"), new double[] {40, 40, 40, 40, 40, 40}),
                step);
        assertThat(MetricConditions.growth("CephPoolGrowthWarning", "pool", answer, 95, Duration.ofDays(5), NOW, CLUSTERS)).isEmpty();
        Map<String, List<Condition>> found = MetricConditions.growth("CephPoolGrowthWarning", "pool", answer, 95, Duration.ofDays(30), NOW, CLUSTERS);
        assertThat(found.get(FSID)).singleElement().satisfies(condition -> {
            assertThat(condition.labels()).containsEntry("pool", "3").containsEntry("alertname", "CephPoolGrowthWarning");
            assertThat(condition.summary()).isEqualTo("pool 3 is 53.7% used and grows 2 points a day: 95% in about 20 days");
        });
    }

    @Test
    void anOsdIsLabelledAsItsDownAlertLabelsIt() {
        double[] filling = {80, 81, 82, 83, 84, 85, 86};
        JsonNode answer = values(Map.of(Map.of("fsid", FSID, "osd", "7"), filling), Duration.ofHours(6));
        assertThat(MetricConditions.growth("CephOsdGrowthWarning", "osd", answer, 95, Duration.ofDays(5), NOW, CLUSTERS).get(FSID))
                .singleElement().satisfies(condition -> {
                    assertThat(condition.labels()).containsEntry("osd", "osd.7");
                    assertThat(condition.summary()).isEqualTo("osd.7 is 86% used and grows 4 points a day: 95% in about 2 days");
                });
    }

    @Test
    void tooFewPointsPredictNothing() {
        JsonNode answer = values(Map.of(Map.of("fsid", FSID, "osd", "1"), new double[] {10, 50, 90}), Duration.ofHours(1));
        assertThat(MetricConditions.growth("CephOsdGrowthWarning", "osd", answer, 95, Duration.ofDays(5), NOW, CLUSTERS)).isEmpty();
    }

    @Test
    void theLineIsTheLeastSquaresOne() {
        double[] line = MetricConditions.leastSquares(List.of(new double[] {1_800_000_000, 1}, new double[] {1_800_000_010, 3},
                new double[] {1_800_000_020, 5}));
        assertThat(line[1]).isEqualTo(0.2, offset(1e-12));
        assertThat(line[0] + line[1] * 1_800_000_030).isEqualTo(7, offset(1e-6));
    }
}
