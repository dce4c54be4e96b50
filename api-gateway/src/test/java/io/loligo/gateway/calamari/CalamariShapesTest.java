package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalamariShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T11:09:09.103478Z");

    @Test
    void loligosSixRequestStatesAreCalamarisTwo() {
        assertThat(CalamariShapes.request(request("queued", false, "")).state()).isEqualTo("submitted");
        assertThat(CalamariShapes.request(request("submitted", false, "")).state()).isEqualTo("submitted");
        CalamariViews.Request done = CalamariShapes.request(request("complete", false, ""));
        assertThat(done.state()).isEqualTo("complete");
        assertThat(done.error()).isFalse();
        CalamariViews.Request failed = CalamariShapes.request(request("error", true, "rados: ENOENT"));
        assertThat(failed.state()).isEqualTo("complete");
        assertThat(failed.error()).isTrue();
        assertThat(failed.errorMessage()).isEqualTo("rados: ENOENT");
        assertThat(CalamariShapes.request(request("cancelled", true, "Cancelled")).errorMessage()).isEqualTo("Cancelled");
        // a client that reads complete without error as success must not be told so when nobody knows
        CalamariViews.Request unknown = CalamariShapes.request(request("unknown", false, "Agent a did not answer within 30 s"));
        assertThat(unknown.state()).isEqualTo("complete");
        assertThat(unknown.error()).isTrue();
        assertThat(unknown.errorMessage()).isEqualTo("Agent a did not answer within 30 s");

        assertThat(CalamariShapes.requestStates("submitted")).isEqualTo("queued,submitted");
        assertThat(CalamariShapes.requestStates("complete")).isEqualTo("complete,error,cancelled,unknown");
        assertThat(CalamariShapes.requestStates(null)).isNull();
        assertThatThrownBy(() -> CalamariShapes.requestStates("queued")).isInstanceOf(Refusal.class);
    }

    @Test
    void aHealthReportOfCeph16GainsTheFieldsCalamarisClientsRead() throws IOException {
        JsonNode report = CalamariShapes.healthReport(fixture("health-detail-warn.json"));
        assertThat(report.path("overall_status").asText()).isEqualTo("HEALTH_WARN");
        assertThat(report.path("status").asText()).isEqualTo("HEALTH_WARN");
        assertThat(report.path("summary").toString()).isEqualTo("[{\"severity\":\"HEALTH_WARN\",\"summary\":"
                + "\"1 OSDs or CRUSH {nodes, device-classes} have {NOUP,NODOWN,NOIN,NOOUT} flags set\"}]");
        assertThat(report.path("detail").toString()).isEqualTo("[\"osd.1 has flags noout\"]");
        assertThat(report.path("checks").has("OSD_FLAGS")).isTrue();
    }

    @Test
    void aRuleHasItsTypeByNameAndEveryStepAllFiveFields() {
        CrushViews.Rule rule = new CrushViews.Rule(0, "replicated_rule", 0, 1, 1, 10, List.of(
                new CrushForms.Step("take", -1, "default", null, null),
                new CrushForms.Step("chooseleaf_firstn", null, null, 0, "host")), 3);
        CalamariViews.CrushRule calamari = CalamariShapes.crushRule(rule);
        assertThat(calamari.type()).isEqualTo("replicated");
        assertThat(calamari.steps()).containsExactly(new CalamariViews.CrushStep("take", null, null, "default", -1),
                new CalamariViews.CrushStep("chooseleaf_firstn", "host", 0, null, null));
        assertThat(CalamariShapes.crushRule(new CrushViews.Rule(1, "ec", 1, 3, 3, 6, List.of(), 3)).type()).isEqualTo("erasure");
    }

    @Test
    void v1sOsdListCountsEachPgStateApartAndNamesThePools() {
        OsdView up = osd(0, true, Map.of("active+clean", 30L, "active+scrubbing", 2L));
        OsdView down = osd(1, false, Map.of("stale+active+clean", 32L));
        PoolView pool = new PoolView(1, "rbd", 3, 2, 32, 32, 0, 0, true, false, 0, 0, "replicated", null, List.of(), 32, 32, "off");

        CalamariViews.V1OsdList list = CalamariShapes.v1Osds(List.of(up, down), List.of(pool), Map.of("store1.example.com", "store1"));

        CalamariViews.V1Osd first = list.osds().get(0);
        assertThat(first.up()).isEqualTo(1);
        assertThat(first.pgStates()).isEqualTo(Map.of("active", 32L, "clean", 30L, "scrubbing", 2L));
        assertThat(first.pools()).containsExactly("rbd");
        assertThat(first.host()).isEqualTo("store1");
        assertThat(list.osds().get(1).up()).isZero();
        assertThat(list.pgStateCounts()).isEqualTo(Map.of("active", 2, "clean", 2, "scrubbing", 1, "stale", 1));
    }

    @Test
    void v1sUpdateTimeIsInUnixMilliseconds() {
        assertThat(CalamariShapes.unixMillis(AT)).isEqualTo(1796468949000L);
    }

    private static RequestView request(String state, boolean error, String message) {
        return new RequestView("id", state, error, message, "Marking osd.1 out", "Done", AT, null, "fsid", 100, "admin", List.of(), 0);
    }

    private static OsdView osd(int id, boolean up, Map<String, Long> pgStates) {
        return new OsdView(id, "uuid-" + id, up, true, 1.0, "store1.example.com", List.of(1), List.of(), "10.0.0.1:6800/1",
                "10.1.0.1:6800/1", List.of(List.of(-2, -1)), null, null, null, null, "store1", 1.0, 1.0, pgStates, 5,
                "10.1.0.1:6802/1", "10.0.0.1:6802/1");
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = CalamariShapesTest.class.getResourceAsStream("/ceph/" + name)) {
            return JSON.readTree(in);
        }
    }
}
