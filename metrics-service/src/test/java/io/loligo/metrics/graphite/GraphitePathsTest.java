package io.loligo.metrics.graphite;

import io.loligo.contracts.metrics.Measurement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphitePathsTest {
    @Test
    void calamarisPathsMapToTheSeriesLoligoKeeps() {
        GraphitePaths.Match poolReads = GraphitePaths.match("ceph.cluster.f00.pool.3.num_read").orElseThrow();
        assertThat(poolReads.mapping().measurement()).isEqualTo(Measurement.POOL);
        assertThat(poolReads.mapping().fields()).containsExactly("read_ops");
        assertThat(poolReads.tagSegments()).isEqualTo(Map.of("fsid", "f00", "pool", "3"));

        GraphitePaths.Match all = GraphitePaths.match("ceph.cluster.f00.pool.all.num_write_kb").orElseThrow();
        assertThat(all.mapping().measurement()).isEqualTo(Measurement.CLUSTER);
        assertThat(all.mapping().divisor()).isEqualTo(1024);

        GraphitePaths.Match iops = GraphitePaths.match("servers.node1_example_com.iostat.vda.iops").orElseThrow();
        assertThat(iops.mapping().fields()).containsExactly("reads", "writes");
        assertThat(iops.mapping().rate()).isTrue();

        GraphitePaths.Match latency = GraphitePaths.match("servers.vm.CephCollector.ceph.osd-0.osd.op_w_latency.last_interval_avg")
                .orElseThrow();
        assertThat(latency.mapping().measurement()).isEqualTo(Measurement.PERF);
        assertThat(latency.mapping().combine()).isEqualTo(GraphitePaths.Combine.INTERVAL_AVERAGE);
        assertThat(latency.mapping().fixedTags()).isEqualTo(Map.of("counter", "osd.op_w_latency"));
        assertThat(latency.tagSegments()).isEqualTo(Map.of("host", "vm", "daemon", "osd-0"));

        assertThat(GraphitePaths.match("servers.x.cpu.total.guest")).isEmpty();
    }

    @Test
    void hostsAndMountsAreWrittenAsDiamondWroteThem() {
        assertThat(GraphitePaths.encode("host", "node1.example.com")).isEqualTo("node1_example_com");
        assertThat(GraphitePaths.encode("mount", "/")).isEqualTo("root");
        assertThat(GraphitePaths.encode("mount", "/var/lib/ceph/osd/ceph-0")).isEqualTo("_var_lib_ceph_osd_ceph-0");
        assertThat(GraphitePaths.encode("daemon", "osd.12")).isEqualTo("osd-12");
        assertThat(GraphitePaths.encode("pool", "3")).isEqualTo("3");
    }

    @Test
    void theChildrenOfAPrefixAreLiteralsOrTags() {
        assertThat(GraphitePaths.children(List.of("servers", "vm")).stream().map(GraphitePaths.Child::segment).distinct())
                .containsExactlyInAnyOrder("cpu", "loadavg", "memory", "iostat", "network", "diskspace", "CephCollector");
        assertThat(GraphitePaths.children(List.of("ceph", "cluster", "f00", "pool")).stream().map(GraphitePaths.Child::segment).distinct())
                .containsExactlyInAnyOrder("all", "{pool}");
    }
}
