package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in rules on maps recorded from the lab's cluster. */
class AlertRulesTest {
    private static final String FSID = "f00";

    private static ObjectNode osdMap() {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.set("osd_dump", CephFixtures.json("osd-dump.json"));
        map.set("osd_tree", CephFixtures.json("osd-tree.json"));
        return map;
    }

    private static JsonNode healthy() {
        return JsonNodeFactory.instance.objectNode().put("status", "HEALTH_OK").set("checks", JsonNodeFactory.instance.objectNode());
    }

    @Test
    void aHealthyClusterHasNoAlert() {
        assertThat(AlertRules.evaluate(FSID, "lab", healthy(), osdMap(), CephFixtures.json("quorum-status.json"), Set.of(), Map.of())).isEmpty();
    }

    @Test
    void eachHealthCheckIsAnAlertWithItsCodeAndWhatCephSaysOfIt() {
        List<Condition> conditions = AlertRules.evaluate(FSID, "lab", CephFixtures.json("health-detail-warn.json"), osdMap(),
                CephFixtures.json("quorum-status.json"), Set.of(), Map.of());

        assertThat(conditions).singleElement().satisfies(condition -> {
            assertThat(condition.name()).isEqualTo("CephHealthWarning");
            assertThat(condition.labels()).containsEntry("check", "OSD_FLAGS").containsEntry("severity", "warning")
                    .containsEntry("fsid", FSID).containsEntry("cluster", "lab").containsEntry("alertname", "CephHealthWarning");
            assertThat(condition.summary()).startsWith("1 OSDs or CRUSH");
            assertThat(condition.description()).contains("osd.1 has flags noout");
        });
    }

    @Test
    void aKnownCheckGetsItsOwnNameAndSeverityAndAMutedOneNone() {
        ObjectNode health = (ObjectNode) CephFixtures.json("health-detail-warn.json");
        ObjectNode checks = (ObjectNode) health.path("checks");
        checks.set("PG_AVAILABILITY", checks.path("OSD_FLAGS").deepCopy());
        ((ObjectNode) checks.path("OSD_FLAGS")).put("muted", true);

        List<Condition> conditions = AlertRules.evaluate(FSID, "lab", health, osdMap(), CephFixtures.json("quorum-status.json"), Set.of(), Map.of());

        assertThat(conditions).singleElement().satisfies(condition -> {
            assertThat(condition.name()).isEqualTo("CephPgsInactive");
            assertThat(condition.severity()).isEqualTo(AlertSeverity.CRITICAL);
        });
    }

    @Test
    void anOsdDownOrOutIsAnAlertOfItsOwnOnItsHostAndOSD_DOWNIsNotTwice() {
        ObjectNode map = osdMap();
        ObjectNode osd1 = (ObjectNode) map.path("osd_dump").path("osds").path(1);
        osd1.put("up", 0);
        osd1.put("in", 0);
        ObjectNode health = (ObjectNode) healthy();
        ((ObjectNode) health.path("checks")).putObject("OSD_DOWN").put("severity", "HEALTH_WARN").putObject("summary").put("message", "1 osds down");

        List<Condition> conditions = AlertRules.evaluate(FSID, "lab", health, map, CephFixtures.json("quorum-status.json"), Set.of(), Map.of());

        assertThat(conditions).extracting(Condition::name).containsExactlyInAnyOrder("CephOsdDown", "CephOsdOut");
        assertThat(conditions).allSatisfy(condition ->
                assertThat(condition.labels()).containsEntry("osd", "osd.1").containsEntry("host", "vm"));
    }

    @Test
    void anOsdThatWentDownAgainAndAgainFlapsWhileUp() {
        assertThat(AlertRules.evaluate(FSID, "lab", healthy(), osdMap(), CephFixtures.json("quorum-status.json"), Set.of(),
                Map.of(1, 3L, 2, 2L))).singleElement().satisfies(condition -> {
                    assertThat(condition.name()).isEqualTo("CephOsdFlapping");
                    assertThat(condition.labels()).containsEntry("osd", "osd.1").containsEntry("host", "vm");
                    assertThat(condition.summary()).contains("3 times in 10 minutes");
                });
    }

    @Test
    void aHostThatStoppedReportingIsAnAlert() {
        assertThat(AlertRules.evaluate(FSID, "lab", healthy(), osdMap(), CephFixtures.json("quorum-status.json"), Set.of("vm"), Map.of()))
                .singleElement().satisfies(condition -> {
                    assertThat(condition.name()).isEqualTo("CephHostNotReporting");
                    assertThat(condition.labels()).containsEntry("host", "vm");
                });
    }

    @Test
    void aQuorumOneMonitorFromBreakingIsCritical() {
        ObjectNode quorum = (ObjectNode) CephFixtures.json("quorum-status.json");
        ArrayNode mons = (ArrayNode) quorum.path("monmap").path("mons");
        mons.add(mons.get(0).deepCopy());
        mons.add(mons.get(0).deepCopy());
        ObjectNode health = (ObjectNode) healthy();
        ((ObjectNode) health.path("checks")).putObject("MON_DOWN").put("severity", "HEALTH_WARN").putObject("summary").put("message", "2/3 mons down");

        assertThat(AlertRules.evaluate(FSID, "lab", health, osdMap(), quorum, Set.of(), Map.of())).extracting(Condition::name)
                .containsExactlyInAnyOrder("CephMonDown", "CephMonQuorumAtRisk");
    }

    @Test
    void theSameLabelsAreTheSameFingerprint() {
        Condition one = Condition.of("A", AlertSeverity.WARNING, Map.of("fsid", FSID), "x", "y");
        Condition again = Condition.of("A", AlertSeverity.WARNING, Map.of("fsid", FSID), "other words", "y");
        Condition other = Condition.of("A", AlertSeverity.WARNING, Map.of("fsid", "f01"), "x", "y");
        assertThat(one.fingerprint()).hasSize(16).isEqualTo(again.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    @Test
    void aFingerprintIsAlertmanagersForTheSameLabels() {
        // as Alertmanager 0.25 showed it for an alert posted with these labels
        assertThat(Condition.fingerprint(Map.of("alertname", "CephOsdDown", "cluster", "lab", "osd", "osd.4", "severity", "warning")))
                .isEqualTo("60fd95ac1d1bb3ce");
    }
}
