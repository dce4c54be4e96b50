package io.loligo.agent.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.metrics.LineProtocol;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies recorded from the local Pacific cluster while {@code rados bench} wrote to pool 2 (lab). */
class ClusterMetricsTest {
    private static final String FSID = "1caf920d-2ecd-4644-b155-ffc2ffff92e8";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void clusterIoSpaceAndPgStatesComeFromStatus() throws IOException {
        LineProtocol out = new LineProtocol();

        ClusterMetrics.cluster(out, FSID, json("status-under-load.json"), 1700000000);

        assertThat(lines(out)).containsExactly(
                "cluster,fsid=" + FSID + " read_ops=0.0,write_ops=59.0,read_bytes=0.0,write_bytes=2.51533918E8,total_bytes=3.221225472E10,"
                        + "used_bytes=6.50174464E9,avail_bytes=2.571051008E10,objects=491.0 1700000000",
                "cluster_pgs,fsid=" + FSID + ",state=active+clean count=33.0 1700000000");
    }

    @Test
    void everyPoolHasItsIoWhichCephLeavesOutWhileIdle() throws IOException {
        LineProtocol out = new LineProtocol();

        ClusterMetrics.pools(out, FSID, json("osd-pool-stats-under-load.json"), json("df-detail.json"), 1700000000);

        List<String> lines = lines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("pool,fsid=" + FSID + ",pool=1 read_ops=0.0,write_ops=0.0,read_bytes=0.0,write_bytes=0.0,");
        assertThat(lines.get(1)).startsWith("pool,fsid=" + FSID + ",pool=2 read_ops=0.0,write_ops=59.0,read_bytes=0.0,write_bytes=2.51533918E8,")
                .contains("objects=");
    }

    @Test
    void everyOsdHasItsUseAndLatency() throws IOException {
        LineProtocol out = new LineProtocol();

        ClusterMetrics.osds(out, FSID, json("osd-perf.json"), json("osd-df.json"), 1700000000);

        assertThat(lines(out)).hasSize(3).allSatisfy(line -> assertThat(line).contains("utilization=", "pgs=", "commit_latency_ms="));
    }

    private JsonNode json(String name) throws IOException {
        return mapper.readTree(getClass().getResource("/ceph/" + name));
    }

    private static List<String> lines(LineProtocol out) {
        return Arrays.asList(out.toString().split("\n"));
    }
}
