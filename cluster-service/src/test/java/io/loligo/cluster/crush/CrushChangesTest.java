package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.node.TextNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.state.Pools;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.command.CrushChange;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.PreviewCrushChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.loligo.cluster.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Rule and bucket forms against a real Pacific cluster's recorded CRUSH map (root default, host vm, three hdd OSDs,
 * rule 0 replicated_rule: take default, choose firstn 0 type osd, emit).
 */
class CrushChangesTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";
    private static final long CRUSH_VERSION = 7;
    private final CrushMap crush = CrushMap.read(CephFixtures.json("crush-dump.json"));
    private final HeldCrushMap held = new HeldCrushMap(FSID, crush, CRUSH_VERSION);

    @Test
    void aReplicatedRuleIsCheckedAgainstTheMap() {
        assertThat(CrushChanges.createRule(FSID, held, CrushForms.Rule.replicated("fast", "default", "host", "hdd")).changes())
                .containsExactly(new CrushChange(FSID, CrushChange.Kind.CREATE_REPLICATED_RULE, "fast", "default", "host", "hdd", null));
        assertProblem(() -> CrushChanges.createRule(FSID, held, CrushForms.Rule.replicated("replicated_rule", "default", "host", null)), 409, "name");
        assertProblem(() -> CrushChanges.createRule(FSID, held, CrushForms.Rule.replicated("", "nowhere", "shelf", "nvme")), 400,
                "name", "root", "failure_domain", "device_class");
    }

    @Test
    void aRuleWithStepsIsWrittenIntoTheMapUnderTheLowestFreeId() {
        List<CrushForms.Step> steps = List.of(step("set_chooseleaf_tries", 5, null), step("set_choose_tries", 100, null),
                take("default~hdd"), step("chooseleaf_indep", 0, "osd"), emit());

        CrushMapChange change = (CrushMapChange) CrushChanges.createRule(FSID, held, CrushForms.Rule.withSteps("ec", "erasure", steps))
                .changes().get(0);

        assertThat(change.priorVersion()).isEqualTo(CRUSH_VERSION);
        assertThat(change.text()).contains("""
                rule ec {
                	id 1
                	type erasure
                	min_size 1
                	max_size 10
                	step set_chooseleaf_tries 5
                	step set_choose_tries 100
                	step take default class hdd
                	step chooseleaf indep 0 type osd
                	step emit
                }
                """);
        assertThat(change.text()).contains("rule replicated_rule {");
    }

    @Test
    void eachWrongStepIsNamed() {
        List<CrushForms.Step> steps = List.of(step("chooseleaf_firstn", null, "shelf"), take("nowhere"), step("spin", null, null));

        assertProblem(() -> CrushChanges.createRule(FSID, held, new CrushForms.Rule("r", "mirrored", 3, 2, steps, null, null, null)), 400,
                "type", "min_size", "steps[0].op", "steps[0].num", "steps[0].type", "steps[1].item_name", "steps[2].op");
        assertProblem(() -> CrushChanges.createRule(FSID, held, new CrushForms.Rule("r", null, null, null, steps, "default", "host", null)),
                400, "steps");
    }

    @Test
    void aRuleKeepsItsIdWhenItsStepsChangeAndANewNameAloneIsARename() {
        CrushViews.Rule rule = Crush.rules(crush).get(0);

        assertProblem(() -> CrushChanges.deleteRule(FSID, rule, Pools.from(CephFixtures.json("osd-dump.json"))), 409);
        assertThat(CrushChanges.updateRule(FSID, held, rule, CrushForms.Rule.withSteps("renamed", null, null)).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.RENAME_RULE, "replicated_rule", "renamed"));
        assertThat(CrushChanges.updateRule(FSID, held, rule, CrushForms.Rule.withSteps(rule.name(), null, null)).changesNothing()).isTrue();
        assertThat(CrushChanges.updateRule(FSID, held, rule, CrushForms.Rule.withSteps(null, "replicated",
                List.of(take("default"), step("choose_firstn", 0, "osd"), emit()))).changesNothing()).as("the steps it has").isTrue();

        CrushMapChange change = (CrushMapChange) CrushChanges.updateRule(FSID, held, rule,
                CrushForms.Rule.replicated("by_osd", "default", "osd", "hdd")).changes().get(0);
        assertThat(change.text()).contains("""
                rule by_osd {
                	id 0
                	type replicated
                	min_size 1
                	max_size 10
                	step take default class hdd
                	step chooseleaf firstn 0 type osd
                	step emit
                }
                """).doesNotContain("rule replicated_rule");
        assertProblem(() -> CrushChanges.updateRule(FSID, held, rule, CrushForms.Rule.replicated(null, "default", null, null)), 400,
                "failure_domain");
    }

    @Test
    void aWholeMapIsTextAndTheMapAsItIsChangesNothing() {
        assertThat(CrushChanges.replaceMap(held, TextNode.valueOf(CrushMapText.of(crush))).changesNothing()).isTrue();
        assertThat(CrushChanges.replaceMap(held, TextNode.valueOf("# begin crush map\n")).changes())
                .containsExactly(new CrushMapChange(FSID, "# begin crush map\n", CRUSH_VERSION));
        assertProblem(() -> CrushChanges.replaceMap(held, CephFixtures.json("crush-dump.json")), 400, "body");
    }

    private static CrushForms.Step take(String itemName) {
        return new CrushForms.Step("take", null, itemName, null, null);
    }

    private static CrushForms.Step step(String op, Integer num, String type) {
        return new CrushForms.Step(op, null, null, num, type);
    }

    private static CrushForms.Step emit() {
        return new CrushForms.Step("emit", null, null, null, null);
    }

    @Test
    void aBucketIsAddedUnderItsParentMovedBeforeRenamedAndRemovedOnlyWhenEmpty() {
        assertThat(CrushChanges.createNode(FSID, crush, new CrushForms.Node("rack1", "rack", -1, null)).changes()).containsExactly(
                CrushChange.of(FSID, CrushChange.Kind.ADD_BUCKET, "rack1", "rack"),
                CrushChange.of(FSID, CrushChange.Kind.MOVE_BUCKET, "rack1", "root=default"));
        assertProblem(() -> CrushChanges.createNode(FSID, crush, new CrushForms.Node("vm", "host", null, null)), 409, "name");
        assertProblem(() -> CrushChanges.createNode(FSID, crush, new CrushForms.Node("x~y", "osd", -99, null)), 400,
                "name", "bucket_type", "parent");

        CrushViews.Node host = Crush.nodes(crush).stream().filter(node -> node.name().equals("vm")).findFirst().orElseThrow();
        assertProblem(() -> CrushChanges.deleteNode(FSID, host), 409);
        assertThat(CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node("vm2", null, -1, null)).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.RENAME_BUCKET, "vm", "vm2"));
        CrushViews.Node empty = new CrushViews.Node("rack", "rack1", -9, 0, "straw2", "rjenkins1", List.of());
        assertThat(CrushChanges.deleteNode(FSID, empty).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.REMOVE_BUCKET, "rack1", null));
    }

    @Test
    void aBucketTakesTheItemsGivenBucketsMovedAndOsdsPlacedAtTheirWeight() {
        assertThat(CrushChanges.createNode(FSID, crush, new CrushForms.Node("rack1", "rack", null,
                List.of(new CrushForms.Item(-3, null), new CrushForms.Item(2, 0.5)))).changes()).containsExactly(
                CrushChange.of(FSID, CrushChange.Kind.ADD_BUCKET, "rack1", "rack"),
                CrushChange.of(FSID, CrushChange.Kind.MOVE_BUCKET, "vm", "rack=rack1"),
                CrushChange.setOsd(FSID, "osd.2", "rack=rack1", 0.5));
        // an OSD placed without a weight keeps the one it has where it is (0.0098 in the recorded map)
        CrushChange placed = (CrushChange) CrushChanges.createNode(FSID, crush, new CrushForms.Node("rack2", "rack", null,
                List.of(new CrushForms.Item(0, null)))).changes().get(1);
        assertThat(placed.weight()).isCloseTo(0.0098, within(0.0001));
        assertThat(placed.monCommand()).isEqualTo(
                "{\"prefix\":\"osd crush set\",\"format\":\"json\",\"id\":\"osd.0\",\"weight\":" + placed.weight() + ",\"args\":[\"rack=rack2\"]}");
    }

    @Test
    void aBucketsItemsBecomeThoseGivenWhatLeavesIsUnlinkedWhatStaysIsReweighted() {
        CrushViews.Node host = Crush.nodes(crush).stream().filter(node -> node.name().equals("vm")).findFirst().orElseThrow();
        double weight = host.items().get(0).weight();
        assertThat(CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node(null, null, null,
                List.of(new CrushForms.Item(0, weight), new CrushForms.Item(1, 0.25)))).changes()).containsExactly(
                CrushChange.reweightOsd(FSID, "osd.1", 0.25),
                CrushChange.of(FSID, CrushChange.Kind.UNLINK, "osd.2", "vm"));
        assertThat(CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node(null, null, null,
                host.items().stream().map(item -> new CrushForms.Item(item.id(), null)).toList())).changesNothing()).isTrue();
    }

    @Test
    void aPreviewTakesTheChangesCrushtoolCanMakeOrTheWholeMap() {
        CrushViews.Node host = Crush.nodes(crush).stream().filter(node -> node.name().equals("vm")).findFirst().orElseThrow();
        List<CrushForms.Item> lighter = host.items().stream().map(item -> new CrushForms.Item(item.id(), item.id() == 1 ? 0.25 : item.weight()))
                .toList();
        assertThat(CrushChanges.preview(FSID, CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node(null, null, null, lighter))))
                .isEqualTo(new PreviewCrushChange(FSID, List.of(CrushChange.reweightOsd(FSID, "osd.1", 0.25)), null));
        assertProblem(() -> CrushChanges.preview(FSID, CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node(null, null, null,
                lighter.subList(0, 2)))), 400, "items");
        assertProblem(() -> CrushChanges.preview(FSID, CrushChanges.replaceMap(held, TextNode.valueOf(CrushMapText.of(crush)))), 400);
        assertThat(CrushChanges.preview(FSID, CrushChanges.replaceMap(held, TextNode.valueOf("# begin crush map\n"))).crushMapText())
                .isEqualTo("# begin crush map\n");
    }

    @Test
    void itemsThatAreNotThereOrTwiceOrTheBucketItselfAreNamed() {
        CrushViews.Node host = Crush.nodes(crush).stream().filter(node -> node.name().equals("vm")).findFirst().orElseThrow();
        assertProblem(() -> CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node(null, null, null,
                List.of(new CrushForms.Item(-3, null), new CrushForms.Item(7, null), new CrushForms.Item(0, -1.0),
                        new CrushForms.Item(-2, null), new CrushForms.Item(-3, null)))), 400,
                "items[0].id", "items[1].id", "items[2].weight", "items[3].id", "items[4].id");
    }
}
