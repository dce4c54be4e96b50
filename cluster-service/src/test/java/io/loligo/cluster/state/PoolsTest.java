package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.PoolView;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pools from a recorded {@code osd dump} of a real Pacific cluster. */
class PoolsTest {
    @Test
    void poolsInCalamarisShape() {
        JsonNode dump = CephFixtures.json("osd-dump.json");

        List<PoolView> pools = Pools.from(dump);

        assertThat(pools).extracting(PoolView::name).containsExactly("device_health_metrics", "lab");
        assertThat(pools.get(1)).isEqualTo(new PoolView(2, "lab", 3, 2, 32, 32, 0, 0, true, false, 0, 0,
                "replicated", null, List.of("rados"), 32, 32, "off"));
    }

    @Test
    void erasureCodedPoolsNameTheirProfile() {
        JsonNode dump = CephFixtures.json("osd-dump.json");
        ((ObjectNode) dump.path("pools").get(1)).put("type", 3).put("erasure_code_profile", "ec21").put("flags_names", "hashpspool,full");

        PoolView pool = Pools.from(dump).get(1);

        assertThat(pool.type()).isEqualTo("erasure");
        assertThat(pool.erasureCodeProfile()).isEqualTo("ec21");
        assertThat(pool.full()).isTrue();
    }
}
