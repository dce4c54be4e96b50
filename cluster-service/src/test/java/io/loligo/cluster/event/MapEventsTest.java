package io.loligo.cluster.event;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.heartbeat.ClusterMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Events from changes to recorded maps of a real Pacific cluster. */
class MapEventsTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";
    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode osdMap() throws IOException {
        ObjectNode map = mapper.createObjectNode();
        map.set("osd_dump", CephFixtures.json("osd-dump.json"));
        return map;
    }

    private static ObjectNode osd(JsonNode map, int index) {
        return (ObjectNode) map.path("osd_dump").path("osds").get(index);
    }

    @Test
    void osdsGoingDownOutAndBackAreNamed() throws IOException {
        ObjectNode before = osdMap();
        ObjectNode after = before.deepCopy();
        osd(after, 1).put("up", 0);
        osd(after, 2).put("in", 0);

        List<Event> events = MapEvents.between(FSID, "ceph", ClusterMap.OSD_MAP, before, after);

        assertThat(events).extracting(Event::severity, Event::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "OSD osd.1 went down"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "OSD osd.2 was marked out"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.fsid()).isEqualTo(FSID);
            assertThat(e.serviceType()).isEqualTo("osd");
        });
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.OSD_MAP, after, before)).extracting(Event::severity, Event::message)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Severity.RECOVERY, "OSD osd.1 came up"),
                        org.assertj.core.groups.Tuple.tuple(Severity.RECOVERY, "OSD osd.2 was marked in"));
    }

    @Test
    void osdsAddedAndRemoved() throws IOException {
        ObjectNode before = osdMap();
        ObjectNode after = before.deepCopy();
        ArrayNode osds = (ArrayNode) after.path("osd_dump").path("osds");
        osds.add(((ObjectNode) osds.get(0).deepCopy()).put("osd", 7));
        osds.remove(0);

        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.OSD_MAP, before, after)).extracting(Event::message)
                .containsExactlyInAnyOrder("OSD osd.7 added to the cluster", "OSD osd.0 removed from the cluster");
    }

    @Test
    void healthDegradesAndRecoversNamingTheChecks() throws IOException {
        JsonNode ok = mapper.readTree("{\"status\":\"HEALTH_OK\",\"checks\":{},\"mutes\":[]}");
        JsonNode warn = mapper.readTree("""
                {"status":"HEALTH_WARN","checks":{"OSD_DOWN":{"severity":"HEALTH_WARN"},"PG_DEGRADED":{"severity":"HEALTH_WARN"}}}""");
        JsonNode err = mapper.readTree("{\"status\":\"HEALTH_ERR\",\"checks\":{\"OSD_FULL\":{}}}");

        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.HEALTH, ok, warn)).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.WARNING);
            assertThat(e.message()).isEqualTo("Health of cluster 'ceph' degraded from HEALTH_OK to HEALTH_WARN; appeared: OSD_DOWN, PG_DEGRADED");
        });
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.HEALTH, warn, err)).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.HEALTH, warn, ok)).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.RECOVERY);
            assertThat(e.message()).endsWith("cleared: OSD_DOWN, PG_DEGRADED");
        });
        JsonNode otherWarn = mapper.readTree("{\"status\":\"HEALTH_WARN\",\"checks\":{\"OSD_DOWN\":{}}}");
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.HEALTH, warn, otherWarn)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Health checks of cluster 'ceph' changed; cleared: PG_DEGRADED"));
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.HEALTH, ok, ok)).isEmpty();

        // what live clients hear: a change of status or of the failing checks, never the same health again
        assertThat(MapEvents.healthChange(ok, warn)).contains(
                new MapEvents.HealthChange("HEALTH_WARN", "HEALTH_OK", Set.of("OSD_DOWN", "PG_DEGRADED")));
        assertThat(MapEvents.healthChange(warn, otherWarn)).contains(
                new MapEvents.HealthChange("HEALTH_WARN", "HEALTH_WARN", Set.of("OSD_DOWN")));
        assertThat(MapEvents.healthChange(warn, warn)).isEmpty();
    }

    @Test
    void monsJoiningAndLeavingQuorum() throws IOException {
        JsonNode ab = mapper.readTree("{\"quorum_names\":[\"a\",\"b\"]}");
        JsonNode a = mapper.readTree("{\"quorum_names\":[\"a\"]}");
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.MON_STATUS, ab, a)).extracting(Event::severity, Event::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "Monitor mon.b left quorum"));
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.MON_STATUS, a, ab)).extracting(Event::severity, Event::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.RECOVERY, "Monitor mon.b joined quorum"));
    }

    @Test
    void pgsTurningCriticalAndRecovering() throws IOException {
        JsonNode clean = mapper.readTree("{\"all\":{\"active+clean\":33}}");
        JsonNode stale = mapper.readTree("{\"all\":{\"active+clean\":22,\"stale+active+clean\":11}}");
        JsonNode degraded = mapper.readTree("{\"all\":{\"active+clean\":22,\"active+undersized+degraded\":11}}");

        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.PG_SUMMARY, clean, stale)).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.ERROR);
            assertThat(e.message()).isEqualTo("11 PGs of cluster 'ceph' are in critical states (stale: 11)");
        });
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.PG_SUMMARY, stale, degraded)).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.RECOVERY));
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.PG_SUMMARY, clean, degraded)).isEmpty();
    }

    @Test
    void configurationChangesNameOptionOldAndNewValueButNeverASecret() throws IOException {
        ObjectNode before = (ObjectNode) CephFixtures.json("config-show.json");
        ObjectNode after = before.deepCopy();
        after.put("osd_max_backfills", "3");
        after.remove("mon_data_avail_warn");
        after.put("key", "AQBxyz==");

        List<Event> events = MapEvents.between(FSID, "ceph", ClusterMap.CONFIG, before, after);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(Severity.INFO);
            assertThat(event.message()).isEqualTo("Configuration of cluster 'ceph' changed: mon_data_avail_warn "
                    + before.path("mon_data_avail_warn").asText() + " → (unset), osd_max_backfills "
                    + before.path("osd_max_backfills").asText() + " → 3");
        });
        assertThat(MapEvents.between(FSID, "ceph", ClusterMap.CONFIG, before, before.deepCopy())).isEmpty();
    }
}
