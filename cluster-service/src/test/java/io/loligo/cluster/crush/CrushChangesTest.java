package io.loligo.cluster.crush;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.state.Crush;
import io.loligo.cluster.state.Pools;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.command.CrushChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.loligo.cluster.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule and bucket forms against a real Pacific cluster's recorded CRUSH map (root default, host vm, three OSDs). */
class CrushChangesTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";
    private final JsonNode crush = CephFixtures.json("crush-dump.json");

    @Test
    void aReplicatedRuleIsCheckedAgainstTheMap() {
        assertThat(CrushChanges.createRule(FSID, crush, new CrushForms.Rule("fast", "default", "host", "hdd")).changes())
                .containsExactly(new CrushChange(FSID, CrushChange.Kind.CREATE_REPLICATED_RULE, "fast", "default", "host", "hdd"));
        assertProblem(() -> CrushChanges.createRule(FSID, crush, new CrushForms.Rule("replicated_rule", "default", "host", null)), 409, "name");
        assertProblem(() -> CrushChanges.createRule(FSID, crush, new CrushForms.Rule("", "nowhere", "shelf", "nvme")), 400,
                "name", "root", "failure_domain", "device_class");
    }

    @Test
    void aRuleAPoolUsesStaysAndOnlyItsNameChanges() {
        CrushViews.Rule rule = Crush.rules(crush).get(0);

        assertProblem(() -> CrushChanges.deleteRule(FSID, rule, Pools.from(CephFixtures.json("osd-dump.json"))), 409);
        assertThat(CrushChanges.updateRule(FSID, crush, rule, new CrushForms.Rule("renamed", null, null, null)).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.RENAME_RULE, "replicated_rule", "renamed"));
        assertThat(CrushChanges.updateRule(FSID, crush, rule, new CrushForms.Rule(rule.name(), null, null, null)).changesNothing()).isTrue();
        assertProblem(() -> CrushChanges.updateRule(FSID, crush, rule, new CrushForms.Rule(null, "default", null, null)), 400, "body");
    }

    @Test
    void aBucketIsAddedUnderItsParentMovedBeforeRenamedAndRemovedOnlyWhenEmpty() {
        assertThat(CrushChanges.createNode(FSID, crush, new CrushForms.Node("rack1", "rack", -1)).changes()).containsExactly(
                CrushChange.of(FSID, CrushChange.Kind.ADD_BUCKET, "rack1", "rack"),
                CrushChange.of(FSID, CrushChange.Kind.MOVE_BUCKET, "rack1", "root=default"));
        assertProblem(() -> CrushChanges.createNode(FSID, crush, new CrushForms.Node("vm", "host", null)), 409, "name");
        assertProblem(() -> CrushChanges.createNode(FSID, crush, new CrushForms.Node("x~y", "osd", -99)), 400,
                "name", "bucket_type", "parent");

        CrushViews.Node host = Crush.nodes(crush).stream().filter(node -> node.name().equals("vm")).findFirst().orElseThrow();
        assertProblem(() -> CrushChanges.deleteNode(FSID, host), 409);
        assertThat(CrushChanges.updateNode(FSID, crush, host, new CrushForms.Node("vm2", null, -1)).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.RENAME_BUCKET, "vm", "vm2"));
        CrushViews.Node empty = new CrushViews.Node("rack", "rack1", -9, 0, "straw2", "rjenkins1", List.of());
        assertThat(CrushChanges.deleteNode(FSID, empty).changes())
                .containsExactly(CrushChange.of(FSID, CrushChange.Kind.REMOVE_BUCKET, "rack1", null));
    }
}
