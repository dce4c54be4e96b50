package io.loligo.cluster.fs;

import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.FileSystemView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemsTest {
    private static final Map<Integer, String> POOLS = Map.of(10, "cephfs.cephfs.meta", 11, "cephfs.cephfs.data");

    @Test
    void eachRankWithTheMdsHoldingItAndTheStandbysFreeToTakeOne() {
        List<FileSystemView> fileSystems = FileSystems.from(CephFixtures.json("fs-dump-with-standby.json"), POOLS, Map.of("a", "host-1"));

        assertThat(fileSystems).hasSize(1);
        FileSystemView cephfs = fileSystems.get(0);
        assertThat(cephfs.name()).isEqualTo("cephfs");
        assertThat(cephfs.metadataPool()).isEqualTo("cephfs.cephfs.meta");
        assertThat(cephfs.dataPools()).containsExactly("cephfs.cephfs.data");
        assertThat(cephfs.maxMds()).isEqualTo(1);
        assertThat(cephfs.ranks()).singleElement().satisfies(rank -> {
            assertThat(rank.rank()).isZero();
            assertThat(rank.state()).isEqualTo("active");
            assertThat(rank.mds().name()).isEqualTo("a");
            assertThat(rank.mds().gid()).isEqualTo(14142);
            assertThat(rank.mds().server()).isEqualTo("host-1");
        });
        assertThat(cephfs.standbys()).singleElement().satisfies(standby -> {
            assertThat(standby.name()).isEqualTo("b");
            assertThat(standby.state()).isEqualTo("standby");
            assertThat(standby.server()).as("not reported by any agent yet").isNull();
        });
    }

    @Test
    void aRankNoMdsHoldsIsFailed() {
        FileSystemView cephfs = FileSystems.from(CephFixtures.json("fs-dump-failed-rank.json"), POOLS, Map.of()).get(0);

        assertThat(cephfs.ranks()).singleElement().satisfies(rank -> {
            assertThat(rank.state()).isEqualTo("failed");
            assertThat(rank.mds()).isNull();
        });
        assertThat(cephfs.standbys()).isEmpty();
    }

    @Test
    void aClusterWithoutCephFsHasNoFileSystem() {
        assertThat(FileSystems.from(CephFixtures.json("fs-dump.json"), Map.of(), Map.of())).isEmpty();
    }
}
