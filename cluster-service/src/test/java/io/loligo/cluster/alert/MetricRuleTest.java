package io.loligo.cluster.alert;

import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.metrics.Measurement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricRuleTest {
    @Test
    void aGoodFormIsARuleWithItsDefaults() {
        List<FieldError> errors = new ArrayList<>();
        MetricRule rule = MetricRule.check(new AlertForms.MetricRule("OsdSlowApply", "osd", "apply_latency_ms", Map.of("fsid", "f"), null, null,
                ">", 20.0, "2m", null, "Look at the OSD's disk."), errors).orElseThrow();
        assertThat(errors).isEmpty();
        assertThat(rule.measurement()).isEqualTo(Measurement.OSD);
        assertThat(rule.aggregate()).isEqualTo("mean");
        assertThat(rule.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(rule.holdFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rule.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(rule.rate()).isFalse();
        assertThat(rule.crossed(20.5)).isTrue();
        assertThat(rule.crossed(20)).isFalse();
    }

    @Test
    void everyBadFieldIsNamed() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(MetricRule.check(new AlertForms.MetricRule("CephMine", "osd", "latency", Map.of("pool", "1"), "median", "1s",
                "!=", null, "-1m", "info", " "), errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("name", "field", "tags.pool", "aggregate", "window",
                "comparison", "threshold", "for", "severity", "description");
        assertThat(errors).filteredOn(error -> error.field().equals("window")).extracting(FieldError::message).containsExactly("from 30s to 1d");
    }

    @Test
    void anUnknownMetricIsNamedWithTheKnownOnes() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(MetricRule.check(new AlertForms.MetricRule("Mine", "nosuch", "value", null, null, null, "<", 1.0, null, null, "x"), errors))
                .isEmpty();
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("measurement");
            assertThat(error.message()).contains("osd", "pool", "perf");
        });
    }

    @Test
    void aCounterIsTakenAsItsRate() {
        MetricRule rule = MetricRule.check(new AlertForms.MetricRule("NetErrors", "network", "rx_errors", null, "max", "10m", ">=", 1.0, "0s",
                "critical", "Check the NIC."), new ArrayList<>()).orElseThrow();
        assertThat(rule.rate()).isTrue();
        assertThat(rule.crossed(1)).isTrue();
        assertThat(rule.severity()).isEqualTo(AlertSeverity.CRITICAL);
    }
}
