package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.HealthCountersView.Bucket;
import io.loligo.contracts.api.HealthCountersView.Buckets;
import io.loligo.contracts.api.HealthCountersView.Mds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Calamari's counters from recorded maps of a real Pacific cluster, and variations of them. */
class HealthCountersTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aHealthyClusterIsAllOk() throws IOException {
        assertThat(HealthCounters.osds(CephFixtures.json("osd-dump.json"))).isEqualTo(new Buckets(
                new Bucket(3, Map.of("up/in", 3L)), new Bucket(0, Map.of()), new Bucket(0, Map.of())));
        assertThat(HealthCounters.mons(CephFixtures.json("quorum-status.json"))).isEqualTo(new Buckets(
                new Bucket(1, Map.of("in", 1L)), new Bucket(0, Map.of()), new Bucket(0, Map.of())));
        assertThat(HealthCounters.mds(CephFixtures.json("fs-dump.json"))).isEqualTo(new Mds(0, 0, 0, 0));
    }

    @Test
    void osdsThatAreOutOrDownWarnAndThoseThatAreBothAreCritical() throws IOException {
        JsonNode dump = CephFixtures.json("osd-dump.json");
        ArrayNode osds = (ArrayNode) dump.path("osds");
        ((ObjectNode) osds.get(0)).put("in", 0);
        ((ObjectNode) osds.get(1)).put("up", 0);
        ObjectNode downOut = ((ObjectNode) osds.get(2).deepCopy()).put("osd", 3).put("up", 0).put("in", 0);
        osds.add(downOut);

        assertThat(HealthCounters.osds(dump)).isEqualTo(new Buckets(new Bucket(1, Map.of("up/in", 1L)),
                new Bucket(2, Map.of("up/out", 1L, "down/in", 1L)), new Bucket(1, Map.of("down/out", 1L))));
    }

    @Test
    void eachPgGoesToTheWorstBucketOfItsStates() throws IOException {
        JsonNode counts = mapper.readTree("""
                {"active+clean": 30, "active+clean+scrubbing+deep": 2, "active+undersized+degraded": 4,
                 "stale+active+clean": 1, "unknown": 5, "peering": 3, "active+active+clean": 0}""");

        Buckets pgs = HealthCounters.pgs(counts);

        assertThat(pgs.ok()).isEqualTo(new Bucket(30, Map.of("active", 30L, "clean", 30L)));
        assertThat(pgs.warn()).isEqualTo(new Bucket(6, Map.of("scrubbing", 2L, "degraded", 4L)));
        assertThat(pgs.critical()).isEqualTo(new Bucket(9, Map.of("stale", 1L, "unknown", 5L, "peering", 3L)));
    }

    @Test
    void monsOutOfQuorumAreCritical() throws IOException {
        ObjectNode quorum = (ObjectNode) CephFixtures.json("quorum-status.json");
        ObjectNode second = ((ObjectNode) quorum.path("monmap").path("mons").get(0)).deepCopy().put("name", "b").put("rank", 1);
        ((ArrayNode) quorum.path("monmap").path("mons")).add(second);

        assertThat(HealthCounters.mons(quorum)).isEqualTo(new Buckets(
                new Bucket(1, Map.of("in", 1L)), new Bucket(0, Map.of()), new Bucket(1, Map.of("out", 1L))));
    }

    @Test
    void mdsRanksAreSummedOverFileSystems() throws IOException {
        JsonNode fsDump = mapper.readTree("""
                {"epoch": 9, "filesystems": [
                  {"mdsmap": {"max_mds": 2, "up": {"mds_0": 4123}, "in": [0]}},
                  {"mdsmap": {"max_mds": 1, "up": {"mds_0": 4200}, "in": []}}]}""");
        assertThat(HealthCounters.mds(fsDump)).isEqualTo(new Mds(3, 1, 1, 1));
    }
}
