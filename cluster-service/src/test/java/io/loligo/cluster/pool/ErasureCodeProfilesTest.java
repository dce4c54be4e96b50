package io.loligo.cluster.pool;

import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.state.Pools;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.command.ErasureCodeProfileChange;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profiles from a real Pacific cluster's recorded {@code osd dump}. */
class ErasureCodeProfilesTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";

    @Test
    void profilesAreListedWithTheirProperties() {
        assertThat(ErasureCodeProfiles.from(CephFixtures.json("osd-dump.json"))).containsExactly(
                Map.of("name", "default", "k", "2", "m", "2", "plugin", "jerasure", "technique", "reed_sol_van"));
    }

    @Test
    void aProfileIsCreatedWithItsPropertiesAndATakenOrBadOneIsRefused() {
        var dump = CephFixtures.json("osd-dump.json");

        assertThat(ErasureCodeProfiles.create(FSID, dump, Map.of("name", "fast", "k", "2", "m", "1", "crush-failure-domain", "osd"))
                .changes()).containsExactly(new ErasureCodeProfileChange(FSID, "fast", Map.of("k", "2", "m", "1", "crush-failure-domain", "osd")));
        assertThatThrownBy(() -> ErasureCodeProfiles.create(FSID, dump, Map.of("name", "default", "k", "2", "m", "1")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(RefusalMapper.problem(e).status()).isEqualTo(409));
        assertThatThrownBy(() -> ErasureCodeProfiles.create(FSID, dump, Map.of("k", "1", "m", "x")))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("name", "k", "m"));
    }

    @Test
    void aProfileInUseStays() {
        var dump = CephFixtures.json("osd-dump.json");
        PoolView pool = Pools.from(dump).get(0);
        PoolView erasurePool = new PoolView(9, "ec", 4, 3, 8, 8, 1, 0, true, false, 0, 0, "erasure", "default", List.of(), 8, 8, "off");

        assertThatThrownBy(() -> ErasureCodeProfiles.delete(FSID, dump, List.of(pool, erasurePool), "default"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.reason()).isEqualTo("ProfileInUse"));
        assertThat(ErasureCodeProfiles.delete(FSID, dump, List.of(pool), "default").changes())
                .containsExactly(new ErasureCodeProfileChange(FSID, "default", null));
    }
}
