package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A new pool's readiness, from a real OSD dump (pool 2, "lab", 32 PGs) and PG summaries as the agent reduces them. */
class PoolReadinessTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode osdMap() throws IOException {
        ObjectNode map = mapper.createObjectNode();
        map.set("osd_dump", CephFixtures.json("osd-dump.json"));
        return map;
    }

    @Test
    void aPoolIsUsableOnceEveryOneOfItsPgsIsActive() throws IOException {
        JsonNode creating = mapper.readTree("{\"by_pool\": {\"2\": {\"active+clean\": 20, \"creating+peering\": 10, \"unknown\": 2},"
                + " \"1\": {\"active+clean\": 1}}}");
        JsonNode active = mapper.readTree("{\"by_pool\": {\"2\": {\"active+clean\": 30, \"active+undersized+degraded\": 2}}}");

        assertThat(PoolReadiness.of("lab", osdMap(), creating)).hasValueSatisfying(progress -> {
            assertThat(progress.ready()).isFalse();
            assertThat(progress).hasToString("20 of 32 PGs active");
        });
        assertThat(PoolReadiness.of("lab", osdMap(), active)).hasValueSatisfying(progress -> assertThat(progress.ready()).isTrue());
    }

    @Test
    void aPoolTheSummaryDoesNotShowYetHasNoActivePgsAndAPoolNotInTheMapHasNoProgress() throws IOException {
        assertThat(PoolReadiness.of("lab", osdMap(), MissingNode.getInstance()))
                .hasValueSatisfying(progress -> assertThat(progress).hasToString("0 of 32 PGs active"));
        assertThat(PoolReadiness.of("gone", osdMap(), MissingNode.getInstance())).isEmpty();
    }
}
