package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.OsdView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OSDs from recorded maps of a real Pacific cluster. */
class OsdsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode osdMap() throws IOException {
        ObjectNode map = mapper.createObjectNode();
        map.set("osd_dump", CephFixtures.json("osd-dump.json"));
        map.set("osd_tree", CephFixtures.json("osd-tree.json"));
        map.set("osd_metadata", CephFixtures.json("osd-metadata.json"));
        return map;
    }

    @Test
    void everyOsdWithItsHostAncestryMetadataAndCommands() throws IOException {
        JsonNode pgSummary = mapper.readTree("""
                {"by_osd": {"0": {"active+clean": 33}}, "pools_by_osd": {"0": [1, 2], "1": [2]}}""");

        List<OsdView> osds = Osds.from(osdMap(), pgSummary);

        assertThat(osds).extracting(OsdView::id).containsExactly(0, 1, 2);
        OsdView first = osds.get(0);
        assertThat(first.up()).isTrue();
        assertThat(first.in()).isTrue();
        assertThat(first.reweight()).isEqualTo(1.0);
        assertThat(first.host()).isEqualTo("vm");
        assertThat(first.server()).isEqualTo("vm");
        assertThat(first.crushNodeAncestry()).containsExactly(List.of(-3, -1));
        assertThat(first.validCommands()).containsExactly("scrub", "deep_scrub", "repair");
        assertThat(first.pools()).containsExactly(1, 2);
        assertThat(first.pgStates()).isEqualTo(Map.of("active+clean", 33L));
        assertThat(first.backendPartitionPath()).endsWith("/osd.0/block");
        assertThat(first.backendDeviceNode()).isEqualTo("/dev/vda");
        assertThat(first.osdData()).endsWith("/osd.0");
        assertThat(first.publicAddr()).startsWith("127.0.0.1:");
        assertThat(first.uuid()).hasSize(36);
        assertThat(first.crushWeight()).isPositive();
        assertThat(osds.get(1).pools()).containsExactly(2);
        assertThat(osds.get(2).pools()).isEmpty();
    }

    @Test
    void aDownOsdOffersNoCommands() throws IOException {
        JsonNode map = osdMap();
        ((ObjectNode) map.path("osd_dump").path("osds").get(1)).put("up", 0);

        List<OsdView> osds = Osds.from(map, mapper.missingNode());

        assertThat(osds.get(1).up()).isFalse();
        assertThat(osds.get(1).validCommands()).isEmpty();
        assertThat(osds.get(1).withServer("store1.example.com").server()).isEqualTo("store1.example.com");
    }
}
