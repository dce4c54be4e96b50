package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.MonView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MonsTest {
    @Test
    void monsFromARecordedQuorumStatus() {
        JsonNode quorum = CephFixtures.json("quorum-status.json");

        List<MonView> mons = Mons.from(quorum, Map.of("a", "vm"));

        assertThat(mons).containsExactly(new MonView("a", 0, true, "vm", "127.0.0.1:40001/0", true));
    }

    @Test
    void aMonOutOfQuorumIsNeitherInItNorLeader() {
        ObjectNode quorum = (ObjectNode) CephFixtures.json("quorum-status.json");
        ObjectNode second = ((ObjectNode) quorum.path("monmap").path("mons").get(0)).deepCopy();
        second.put("name", "b").put("rank", 1).put("public_addr", "127.0.0.1:40003/0");
        ((ArrayNode) quorum.path("monmap").path("mons")).add(second);

        List<MonView> mons = Mons.from(quorum, Map.of());

        assertThat(mons).extracting(MonView::name).containsExactly("a", "b");
        assertThat(mons.get(1).inQuorum()).isFalse();
        assertThat(mons.get(1).leader()).isFalse();
        assertThat(mons.get(1).server()).isNull();
    }
}
