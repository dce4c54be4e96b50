package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class CalamariSyncObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loligo's copy of a Pacific lab's OSD map (recorded from its API), as Calamari's osd_map. */
    @Test
    void theOsdMapHasOsdDumpAtTheTopAndTheTreeCrushAndMetadataBeside() throws IOException {
        JsonNode held = CalamariShapesTest.fixture("osd-map-held.json");
        JsonNode calamari = CalamariSyncObjects.osdMap(held, "# begin crush map\n# end crush map\n");

        assertThat(calamari.path("epoch").asLong()).isEqualTo(held.path("osd_dump").path("epoch").asLong());
        assertThat(calamari.path("fsid").asText()).isEqualTo(held.path("osd_dump").path("fsid").asText());
        assertThat(calamari.path("osds")).isEqualTo(held.path("osd_dump").path("osds"));
        assertThat(calamari.path("pools")).isEqualTo(held.path("osd_dump").path("pools"));
        assertThat(calamari.path("tree")).isEqualTo(held.path("osd_tree"));
        assertThat(calamari.path("crush")).isEqualTo(held.path("crush_dump"));
        assertThat(calamari.path("osd_metadata")).isEqualTo(held.path("osd_metadata"));
        assertThat(calamari.path("crush_map_text").asText()).startsWith("# begin crush map");
        assertThat(held.has("epoch")).as("the copy held is left as it was").isFalse();
    }

    /** A Pacific lab's fs dump with no file system (recorded): Calamari's counters find nothing up, in or known. */
    @Test
    void withoutAFileSystemTheMdsMapIsEmptyButWhole() throws IOException {
        JsonNode calamari = CalamariSyncObjects.mdsMap(CalamariShapesTest.fixture("fs-dump-empty.json"));
        assertThat(calamari.path("epoch").asLong()).isEqualTo(1);
        assertThat(calamari.path("up").size()).isZero();
        assertThat(calamari.path("in").size()).isZero();
        assertThat(calamari.path("info").size()).isZero();
        assertThat(calamari.has("filesystems")).isTrue();
    }

    /** The shape Pacific gives one file system and a standby, reduced to the fields read here. */
    @Test
    void theDefaultFileSystemsMapStandsInWithTheStandbysInItsInfo() throws IOException {
        JsonNode fsDump = JSON.readTree("""
                {"epoch": 12, "default_fscid": 2, "standbys": [{"gid": 4500, "name": "b", "state": "up:standby"}],
                 "filesystems": [
                   {"id": 1, "mdsmap": {"fs_name": "old", "up": {}, "in": [], "info": {}}},
                   {"id": 2, "mdsmap": {"fs_name": "cephfs", "epoch": 11, "up": {"mds_0": 4400}, "in": [0],
                                        "info": {"gid_4400": {"gid": 4400, "name": "a", "state": "up:active"}}}}]}
                """);
        JsonNode calamari = CalamariSyncObjects.mdsMap(fsDump);
        assertThat(calamari.path("fs_name").asText()).isEqualTo("cephfs");
        assertThat(calamari.path("epoch").asLong()).isEqualTo(12);
        assertThat(calamari.path("up").path("mds_0").asLong()).isEqualTo(4400);
        assertThat(calamari.path("info").has("gid_4400")).isTrue();
        assertThat(calamari.path("info").path("gid_4500").path("state").asText()).isEqualTo("up:standby");
    }
}
