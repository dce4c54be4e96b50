package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Usage and the cluster log tail from a real Pacific cluster's {@code df detail} and {@code log last}. */
class UsageTest {
    @Test
    void statsSpaceAndPoolsComeFromDf() {
        JsonNode df = CephFixtures.json("df-detail.json");
        JsonNode totals = df.path("stats");

        assertThat(Usage.stats(df)).isEqualTo(new UsageViews.ClusterStats(totals.path("total_bytes").asLong() / 1024,
                totals.path("total_used_raw_bytes").asLong() / 1024, totals.path("total_avail_bytes").asLong() / 1024, 0));
        assertThat(Usage.space(df).capacityBytes()).isEqualTo(totals.path("total_bytes").asLong());
        assertThat(Usage.pools(df)).extracting(UsageViews.PoolStats::name)
                .containsExactly(df.path("pools").findValuesAsText("name").toArray(String[]::new));
        assertThat(Usage.pools(df).get(0).maxAvail()).isEqualTo(df.path("pools").path(0).path("stats").path("max_avail").asLong());
    }

    @Test
    void theLogTailKeepsTheNewestLinesAtOrAboveTheLevel() {
        JsonNode entries = CephFixtures.json("log-last.json");
        long atLeastInfo = entries.findValuesAsText("priority").stream().filter(p -> !p.equals("[DBG]")).count();

        UsageViews.ClusterLog everything = new ClusterLogTail("1000", "debug").apply(entries);
        UsageViews.ClusterLog info = new ClusterLogTail(null, null).apply(entries);
        UsageViews.ClusterLog lastTwo = new ClusterLogTail("2", "debug").apply(entries);

        assertThat(everything.entries()).hasSize(entries.size());
        assertThat(info.entries()).hasSize((int) atLeastInfo).allSatisfy(entry -> assertThat(entry.priority()).isNotEqualTo("[DBG]"));
        assertThat(lastTwo.entries()).extracting(UsageViews.LogEntry::seq)
                .containsExactly(entries.get(entries.size() - 2).path("seq").asLong(), entries.get(entries.size() - 1).path("seq").asLong());
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(lastTwo.lines()).endsWith(last.path("stamp").asText() + " " + last.path("name").asText() + " "
                + last.path("seq").asLong() + " : cluster " + last.path("priority").asText() + " " + last.path("message").asText() + "\n");
    }

    @Test
    void badLinesOrLevelAreNamed() {
        assertThatThrownBy(() -> new ClusterLogTail("0", "loud")).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(RefusalMapper.problem(e).status()).isEqualTo(400);
            assertThat(e.errors()).extracting(error -> error.field()).containsExactly("lines", "level");
        });
        assertThatThrownBy(() -> new ClusterLogTail("1001", null)).isInstanceOf(Refusal.class);
    }
}
