package io.loligo.agent.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.metrics.LineProtocol;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** perf dumps recorded from the local cluster's osd.0 and mon.a after a rados bench. */
class PerfCountersTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void totalsAndAveragesOfTheChosenCountersOfEachDaemon() throws IOException {
        Map<String, JsonNode> dumps = new TreeMap<>(Map.of("osd.0", json("perf-dump-osd.json"), "mon.a", json("perf-dump-mon.json")));
        LineProtocol out = new LineProtocol();

        PerfCounters.write(out, "vm", dumps, daemon -> "fsid-1",
                List.of("osd.op_w", "osd.op_w_latency", "paxos.commit", "osd.no_such", "nonsense"), 7);

        assertThat(out.toString().split("\n")).containsExactly(
                "perf,counter=paxos.commit,daemon=mon.a,fsid=fsid-1,host=vm value=1332.0 7",
                "perf,counter=osd.op_w,daemon=osd.0,fsid=fsid-1,host=vm value=5398.0 7",
                "perf,counter=osd.op_w_latency,daemon=osd.0,fsid=fsid-1,host=vm value=28.285130731,count=5398.0 7");
    }

    @Test
    void aDaemonWhoseClusterIsNotYetKnownIsLeftOut() throws IOException {
        LineProtocol out = new LineProtocol();

        PerfCounters.write(out, "vm", Map.of("osd.0", json("perf-dump-osd.json")), daemon -> null, List.of("osd.op_w"), 7);

        assertThat(out.toString()).isEmpty();
    }

    private JsonNode json(String name) throws IOException {
        return mapper.readTree(getClass().getResource("/ceph/" + name));
    }
}
