package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.heartbeat.ClusterMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions and the PG summary from recorded replies of a real Pacific cluster. */
class MapVersionsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode fixture(String name) throws IOException {
        return mapper.readTree(getClass().getResource("/ceph/" + name));
    }

    @Test
    void epochsComeFromStatusAndDigestsFromContentAllAnsweredByTheMonitors() throws IOException {
        Map<ClusterMap, Long> versions = MapVersions.of(fixture("status.json"), fixture("health-detail.json"),
                fixture("config-log.json"));

        assertThat(versions).containsEntry(ClusterMap.OSD_MAP, 20L).containsEntry(ClusterMap.MON_MAP, 1L)
                .containsEntry(ClusterMap.MON_STATUS, 3L).containsEntry(ClusterMap.FS_MAP, 1L);
        assertThat(versions.get(ClusterMap.HEALTH)).isPositive();
        assertThat(versions.get(ClusterMap.CONFIG)).isPositive();
        // the mgr's: added by the reader when the mgr answers
        assertThat(versions).doesNotContainKey(ClusterMap.PG_SUMMARY);
        assertThat(MapVersions.pgSummary(fixture("pg-stat.json"), 20)).isPositive();
    }

    @Test
    void aConfigurationChangeOrAnElectionMovesTheConfigDigest() throws IOException {
        JsonNode log = fixture("config-log.json");
        ArrayNode changed = log.deepCopy();
        ((ObjectNode) changed.get(0)).put("version", log.path(0).path("version").asLong() + 1);

        assertThat(MapVersions.config(log, 3)).isEqualTo(MapVersions.config(log.deepCopy(), 3));
        assertThat(MapVersions.config(changed, 3)).isNotEqualTo(MapVersions.config(log, 3));
        assertThat(MapVersions.config(log, 4)).isNotEqualTo(MapVersions.config(log, 3));
    }

    @Test
    void aHealthCheckOrAPgStateChangeMovesTheDigest() throws IOException {
        JsonNode health = fixture("health-detail.json");
        ObjectNode warned = health.deepCopy();
        warned.put("status", "HEALTH_WARN");
        assertThat(MapVersions.health(warned)).isNotEqualTo(MapVersions.health(health));
        assertThat(MapVersions.health(health.deepCopy())).isEqualTo(MapVersions.health(health));

        JsonNode pgStat = fixture("pg-stat.json");
        ObjectNode degraded = pgStat.deepCopy();
        ((ObjectNode) degraded.path("pg_summary").path("num_pg_by_state").get(0)).put("name", "active+undersized+degraded");
        assertThat(MapVersions.pgSummary(degraded, 20)).isNotEqualTo(MapVersions.pgSummary(pgStat, 20));
        assertThat(MapVersions.pgSummary(pgStat, 21)).isNotEqualTo(MapVersions.pgSummary(pgStat, 20));
    }

    @Test
    void thePgSummaryCountsEveryPgOverallByPoolAndByActingOsd() throws IOException {
        JsonNode brief = fixture("pg-dump-pgs-brief.json");
        int pgs = brief.path("pg_stats").size();

        JsonNode summary = PgSummary.reduce(getClass().getResourceAsStream("/ceph/pg-dump-pgs-brief.json").readAllBytes());

        long all = 0;
        for (JsonNode count : summary.path("all")) {
            all += count.asLong();
        }
        assertThat(all).isEqualTo(pgs);
        long byPool = 0;
        for (JsonNode pool : summary.path("by_pool")) {
            for (JsonNode count : pool) {
                byPool += count.asLong();
            }
        }
        assertThat(byPool).isEqualTo(pgs);
        // size-3 pools on 3 OSDs: every OSD acts for every PG
        assertThat(summary.path("by_osd").path("0").path("active+clean").asLong()).isEqualTo(pgs);
        assertThat(summary.path("by_pool").path("2").path("active+clean").asLong()).isEqualTo(32);
        assertThat(summary.path("pools_by_osd").path("1")).extracting(JsonNode::asInt).containsExactly(1, 2);
    }

    @Test
    void aDumpThatIsNotPgsBriefIsRefusedWithTheReason() {
        assertThatThrownBy(() -> PgSummary.reduce("{\"pg_ready\":true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("no pg_stats array");
        assertThatThrownBy(() -> PgSummary.reduce("{\"pg_stats\":[{\"pgid\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aPoolsPgsArePagedInTheDumpsOrder() throws IOException {
        byte[] brief = getClass().getResourceAsStream("/ceph/pg-dump-pgs-brief.json").readAllBytes();
        JsonNode all = mapper.readTree(brief).path("pg_stats");
        List<String> pool2 = new ArrayList<>();
        all.forEach(pg -> {
            if (pg.path("pgid").asText().startsWith("2.")) {
                pool2.add(pg.path("pgid").asText());
            }
        });

        JsonNode page = PgsBrief.page(brief, 2, null, 10, 10);
        JsonNode one = PgsBrief.page(brief, 2, pool2.get(3), 0, 100);

        assertThat(page.path("count").asInt()).isEqualTo(pool2.size());
        assertThat(page.path("pgs").findValuesAsText("pgid")).isEqualTo(pool2.subList(10, 20));
        assertThat(one.path("pgs")).hasSize(1);
        JsonNode recorded = null;
        for (JsonNode pg : all) {
            if (pg.path("pgid").asText().equals(pool2.get(3))) {
                recorded = pg;
            }
        }
        assertThat(one.path("pgs").path(0)).isEqualTo(recorded);
    }

    @Test
    void aPageFromPgLsCarriesEachPgsScrubStamps() throws IOException {
        byte[] listing = getClass().getResourceAsStream("/ceph/pg-ls-pool-2.json").readAllBytes();
        JsonNode recorded = mapper.readTree(listing).path("pg_stats").path(0);

        JsonNode first = PgsBrief.page(listing, 2, null, 0, 1).path("pgs").path(0);

        assertThat(first.path("pgid").asText()).isEqualTo(recorded.path("pgid").asText());
        assertThat(first.path("last_scrub_stamp").asText()).isEqualTo(recorded.path("last_scrub_stamp").asText()).isNotBlank();
        assertThat(first.path("last_deep_scrub_stamp").asText()).isEqualTo(recorded.path("last_deep_scrub_stamp").asText());
        assertThat(first.has("stat_sum")).as("only what the API shows").isFalse();
    }
}
