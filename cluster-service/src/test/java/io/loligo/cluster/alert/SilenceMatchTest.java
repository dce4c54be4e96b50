package io.loligo.cluster.alert;

import io.loligo.contracts.api.AlertViews.Matcher;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceMatchTest {
    private static final Map<String, String> LABELS = Map.of("alertname", "CephOsdDown", "osd", "osd.12", "host", "node-3");

    @Test
    void everyMatcherMustMatchAsAlertmanagerMatches() {
        assertThat(SilenceMatch.matches(List.of(new Matcher("osd", "osd.12", false, null)), LABELS)).isTrue();
        assertThat(SilenceMatch.matches(List.of(new Matcher("osd", "osd.1", false, null)), LABELS)).isFalse();
        assertThat(SilenceMatch.matches(List.of(new Matcher("osd", "osd\\.1.*", true, null), new Matcher("host", "node-3", false, true)), LABELS))
                .isTrue();
        assertThat(SilenceMatch.matches(List.of(new Matcher("osd", "osd\\.1", true, null)), LABELS)).as("the whole value").isFalse();
        assertThat(SilenceMatch.matches(List.of(new Matcher("host", "node-3", false, false)), LABELS)).isFalse();
        assertThat(SilenceMatch.matches(List.of(new Matcher("pool", "", false, null)), LABELS)).as("a missing label is empty").isTrue();
    }
}
