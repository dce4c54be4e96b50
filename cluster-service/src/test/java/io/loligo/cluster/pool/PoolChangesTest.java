package io.loligo.cluster.pool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.cluster.request.Planned;
import io.loligo.cluster.state.Pools;
import io.loligo.contracts.api.PoolForm;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.command.CreatePool;
import io.loligo.contracts.command.PoolChange;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import static io.loligo.cluster.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pool forms against a real Pacific cluster's recorded OSD map, CRUSH map and mon configuration. */
class PoolChangesTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";

    private static PoolChanges.Cluster cluster(boolean deletionAllowed) {
        ObjectNode config = (ObjectNode) CephFixtures.json("config-show.json");
        config.put("mon_allow_pool_delete", String.valueOf(deletionAllowed));
        return new PoolChanges.Cluster(FSID, Pools.from(CephFixtures.json("osd-dump.json")), CrushMap.read(CephFixtures.json("crush-dump.json")),
                CephFixtures.json("osd-dump.json"), config);
    }

    private static PoolForm form(String name, Integer pgNum, Integer pgpNum, Integer size, Integer minSize) {
        return new PoolForm(name, null, null, pgNum, pgpNum, size, minSize, null, null, null, null, null);
    }

    @Test
    void aNewPoolIsCreatedThenSizedWithTheClustersDefaultsForWhatTheFormLeavesOut() {
        Planned planned = PoolChanges.create(cluster(false), new PoolForm("images", null, null, 16, null, null, null, 0, null, 1000L, "rbd", null));

        assertThat(planned.changes()).containsExactly(
                new CreatePool(FSID, "images", 16, 16, false, null, "replicated_rule"),
                new PoolChange(FSID, "images", PoolChange.Kind.SIZE, "3"),
                new PoolChange(FSID, "images", PoolChange.Kind.MIN_SIZE, "2"),
                new PoolChange(FSID, "images", PoolChange.Kind.QUOTA_MAX_OBJECTS, "1000"),
                new PoolChange(FSID, "images", PoolChange.Kind.ENABLE_APPLICATION, "rbd"));
        assertThat(planned.headline()).isEqualTo("Creating pool 'images'");
    }

    @Test
    void aBadFormIsRefusedBeforeAnythingReachesCeph() {
        String taken = cluster(false).pools().get(0).name();
        assertProblem(() -> PoolChanges.create(cluster(false), form(taken, 8, null, null, null)), 409, "name");
        assertProblem(() -> PoolChanges.create(cluster(false), form("x", 8, 16, 11, null)), 400, "pgp_num", "size");
        assertProblem(() -> PoolChanges.create(cluster(false), form(" ", null, null, 2, 3)), 400, "name", "pg_num", "min_size");
        assertProblem(() -> PoolChanges.create(cluster(false), new PoolForm("x", "erasure", "nope", 8, null, 3, null, 7, -1L, null, null, null)),
                400, "erasure_code_profile", "size", "crush_ruleset", "quota_max_bytes");
    }

    @Test
    void anUpdateChangesOnlyWhatDiffersAndRenamesLast() {
        PoolView pool = cluster(false).pools().get(1);

        Planned planned = PoolChanges.update(cluster(false), pool,
                new PoolForm("renamed", null, null, pool.pgNum(), null, 2, 1, null, 4096L, null, null, null));

        assertThat(planned.changes()).containsExactly(
                new PoolChange(FSID, pool.name(), PoolChange.Kind.MIN_SIZE, "1"),
                new PoolChange(FSID, pool.name(), PoolChange.Kind.SIZE, "2"),
                new PoolChange(FSID, pool.name(), PoolChange.Kind.QUOTA_MAX_BYTES, "4096"),
                new PoolChange(FSID, pool.name(), PoolChange.Kind.RENAME, "renamed"));
        assertThat(PoolChanges.update(cluster(false), pool, form(null, pool.pgNum(), null, pool.size(), null)).changesNothing()).isTrue();
    }

    @Test
    void deletingWaitsForTheClusterToAllowIt() {
        PoolView pool = cluster(false).pools().get(1);

        assertThatThrownBy(() -> PoolChanges.delete(cluster(false), pool)).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(e.reason()).isEqualTo("PoolDeletionDisabled"));
        assertThat(PoolChanges.delete(cluster(true), pool).changes())
                .containsExactly(new PoolChange(FSID, pool.name(), PoolChange.Kind.DELETE, null));
    }

    @Test
    void hashpspoolIsSetOnlyWhereItDiffersAndWithCephsConfirmation() {
        PoolView pool = cluster(false).pools().get(1);
        assertThat(PoolChanges.defaults(CephFixtures.json("config-show.json")).hashpspool()).isTrue();
        assertThat(PoolChanges.create(cluster(false), new PoolForm("flat", null, null, 8, null, null, null, null, null, null, null, true))
                .changes()).noneMatch(change -> change instanceof PoolChange set && set.kind() == PoolChange.Kind.HASHPSPOOL);
        PoolChange off = new PoolChange(FSID, "flat", PoolChange.Kind.HASHPSPOOL, "false");
        assertThat(PoolChanges.create(cluster(false), new PoolForm("flat", null, null, 8, null, null, null, null, null, null, null, false))
                .changes()).contains(off);
        assertThat(off.monCommand()).contains("\"var\":\"hashpspool\"").contains("\"yes_i_really_mean_it\":true");
        assertThat(PoolChanges.update(cluster(false), pool, new PoolForm(null, null, null, null, null, null, null, null, null, null, null,
                pool.hashpspool())).changesNothing()).isTrue();
    }
}
