package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.offset;

/** CRUSH resources from a recorded {@code osd crush dump} of a real Pacific cluster (one host, three OSDs). */
class CrushTest {

    private static ObjectNode dump() {
        return (ObjectNode) CephFixtures.json("crush-dump.json");
    }

    private static CrushMap crush() {
        return CrushMap.read(dump());
    }

    @Test
    void theDefaultRuleReachesEveryOsd() {
        List<CrushViews.Rule> rules = Crush.rules(crush());

        assertThat(rules).singleElement().satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("replicated_rule");
            assertThat(rule.osdCount()).isEqualTo(3);
            assertThat(rule.steps()).extracting(step -> step.op()).containsExactly("take", "choose_firstn", "emit");
        });
        assertThat(Crush.ruleSets(crush())).singleElement().satisfies(set -> assertThat(set.rules()).hasSize(1));
    }

    @Test
    void aRulesStepsReadAsCephDumpsThem() {
        JsonNode viewed = new ObjectMapper().valueToTree(Crush.rules(crush()).get(0).steps());

        assertThat(viewed).isEqualTo(dump().path("rules").get(0).path("steps"));
    }

    @Test
    void bucketsCarryTheirWeightsInUsualUnits() {
        List<CrushViews.Node> nodes = Crush.nodes(crush());

        CrushViews.Node root = nodes.stream().filter(n -> n.bucketType().equals("root")).findFirst().orElseThrow();
        CrushViews.Node host = nodes.stream().filter(n -> n.bucketType().equals("host")).findFirst().orElseThrow();
        assertThat(root.name()).isEqualTo("default");
        assertThat(root.alg()).isEqualTo("straw2");
        assertThat(root.hash()).isEqualTo("rjenkins1");
        assertThat(root.items()).extracting(CrushViews.Item::id).containsExactly(host.id());
        assertThat(host.items()).extracting(CrushViews.Item::id).containsExactlyInAnyOrder(0, 1, 2);
        // three OSDs of 10 GiB: about 0.0098 each
        assertThat(host.weight()).isCloseTo(3 * 0.0098, offset(0.001));
        assertThat(Crush.types(crush())).extracting(CrushViews.Type::name).startsWith("osd", "host");
    }

    @Test
    void aBucketThatContainsItselfDoesNotLoop() {
        ObjectNode dump = dump();
        ObjectNode host = (ObjectNode) dump.path("buckets").get(1);
        ((ArrayNode) host.path("items")).addObject().put("id", dump.path("buckets").get(0).path("id").asInt()).put("weight", 0).put("pos", 3);

        assertThat(Crush.rules(CrushMap.read(dump)).get(0).osdCount()).isEqualTo(3);
    }

    @Test
    void aValueLoligoDoesNotKnowIsRefusedByNameNotGuessedAt() {
        assertUnreadable(dump -> ((ObjectNode) dump.path("rules").get(0)).put("type", 7), "type 7");
        assertUnreadable(dump -> ((ObjectNode) dump.path("buckets").get(0)).put("alg", "straw3"), "'straw3'");
        assertUnreadable(dump -> ((ObjectNode) dump.path("buckets").get(0)).put("hash", "crc32"), "'crc32'");
        assertUnreadable(dump -> ((ObjectNode) dump.path("rules").get(0).path("steps").get(1)).put("op", "choose_msr"), "'choose_msr'");
        assertUnreadable(dump -> ((ObjectNode) dump.path("rules").get(0).path("steps").get(1)).remove("num"), "'num'");
        assertUnreadable(dump -> ((ObjectNode) dump.path("devices").get(0)).put("id", "zero"), "'id'");
    }

    @Test
    void pacificsRulesetIsTheIdWhereALaterCephDumpsNone() {
        ObjectNode dump = dump();
        ((ObjectNode) dump.path("rules").get(0)).put("rule_id", 4).remove("ruleset");

        assertThat(CrushMap.read(dump).rules().get(0).ruleset()).isEqualTo(4);
    }

    private static void assertUnreadable(Consumer<ObjectNode> spoil, String named) {
        ObjectNode dump = dump();
        spoil.accept(dump);

        Refusal refused = catchThrowableOfType(() -> CrushMap.read(dump), Refusal.class);

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo("CrushMapUnreadable");
        assertThat(refused.getMessage()).contains(named);
    }
}
