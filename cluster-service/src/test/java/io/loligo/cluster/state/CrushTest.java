package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.CrushViews;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CRUSH resources from a recorded {@code osd crush dump} of a real Pacific cluster (one host, three OSDs). */
class CrushTest {

    private JsonNode dump() {
        return CephFixtures.json("crush-dump.json");
    }

    @Test
    void theDefaultRuleReachesEveryOsd() {
        List<CrushViews.Rule> rules = Crush.rules(dump());

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("replicated_rule");
            assertThat(rule.osdCount()).isEqualTo(3);
            assertThat(rule.steps()).extracting(step -> step.path("op").asText()).containsExactly("take", "choose_firstn", "emit");
        });
        assertThat(Crush.ruleSets(dump())).singleElement().satisfies(set -> assertThat(set.rules()).hasSize(1));
    }

    @Test
    void bucketsCarryTheirWeightsInUsualUnits() {
        List<CrushViews.Node> nodes = Crush.nodes(dump());

        CrushViews.Node root = nodes.stream().filter(n -> n.bucketType().equals("root")).findFirst().orElseThrow();
        CrushViews.Node host = nodes.stream().filter(n -> n.bucketType().equals("host")).findFirst().orElseThrow();
        assertThat(root.name()).isEqualTo("default");
        assertThat(root.items()).extracting(CrushViews.Item::id).containsExactly(host.id());
        assertThat(host.items()).extracting(CrushViews.Item::id).containsExactlyInAnyOrder(0, 1, 2);
        // three OSDs of 10 GiB: about 0.0098 each
        assertThat(host.weight()).isCloseTo(3 * 0.0098, org.assertj.core.data.Offset.offset(0.001));
        assertThat(Crush.types(dump())).extracting(CrushViews.Type::name).startsWith("osd", "host");
    }

    @Test
    void aBucketThatContainsItselfDoesNotLoop() {
        ObjectNode dump = (ObjectNode) dump();
        ObjectNode host = (ObjectNode) dump.path("buckets").get(1);
        ((ArrayNode) host.path("items")).addObject().put("id", dump.path("buckets").get(0).path("id").asInt()).put("weight", 0).put("pos", 3);

        assertThat(Crush.rules(dump).get(0).osdCount()).isEqualTo(3);
    }
}
