package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Data movement from health checks in the words Ceph 16 uses, and from PG summaries as the agent reduces them. */
class DataMovementTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void misplacedAndDegradedObjectsAreCountedFromTheirChecks() throws IOException {
        JsonNode health = mapper.readTree("""
                {"status": "HEALTH_WARN", "checks": {
                  "OBJECT_MISPLACED": {"severity": "HEALTH_WARN", "summary": {"message": "12/345 objects misplaced (3.478%)", "count": 12}},
                  "PG_DEGRADED": {"severity": "HEALTH_WARN", "summary": {"message": "Degraded data redundancy: 146/1956 objects degraded (7.464%), 21 pgs degraded", "count": 21}},
                  "OSD_DOWN": {"severity": "HEALTH_WARN", "summary": {"message": "1 osds down", "count": 1}}}}""");
        JsonNode pgs = mapper.readTree("{\"all\": {\"active+clean\": 60, \"active+remapped+backfilling\": 3, \"active+undersized+degraded\": 21}}");

        DataMovement movement = DataMovement.of(health, pgs);

        assertThat(movement).isEqualTo(new DataMovement(12, 146, 24));
        assertThat(movement.objects()).isEqualTo(158);
        assertThat(movement.settled()).isFalse();
        assertThat(movement).hasToString("12 objects misplaced, 146 degraded, 24 PGs not active+clean");
    }

    @Test
    void aHealthyClusterHasSettledAndRemappingPgsAloneAreNotSettled() throws IOException {
        JsonNode ok = mapper.readTree("{\"status\": \"HEALTH_OK\", \"checks\": {}}");

        assertThat(DataMovement.of(ok, mapper.readTree("{\"all\": {\"active+clean\": 83, \"active+clean+scrubbing+deep\": 1}}")).settled())
                .as("a scrub moves nothing").isTrue();
        assertThat(DataMovement.of(ok, MissingNode.getInstance()).settled()).as("no PG summary: the checks alone").isTrue();
        assertThat(DataMovement.of(ok, mapper.readTree("{\"all\": {\"active+clean\": 80, \"remapped+peering\": 4}}")).settled()).isFalse();
    }
}
