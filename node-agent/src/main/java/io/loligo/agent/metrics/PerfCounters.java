package io.loligo.agent.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.metrics.LineProtocol;
import io.loligo.contracts.metrics.Measurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The chosen perf counters of each daemon on the host, from their {@code perf dump}: a counter's total, or for a
 * long-running average its sum and count, from which a graph takes the latency of each interval. Pure.
 */
final class PerfCounters {
    private PerfCounters() {
    }

    /**
     * @param dumps each daemon's {@code perf dump}, by daemon name
     * @param fsidOf each daemon's cluster, by daemon name, or null while unknown (a daemon is left out until it is
     *               known: a cluster's pages graph its own daemons')
     * @param counters {@code section.counter}; a daemon without one is skipped for it
     */
    static void write(LineProtocol out, String host, Map<String, JsonNode> dumps, Function<String, String> fsidOf, List<String> counters,
                      long at) {
        dumps.forEach((daemon, dump) -> {
            String fsid = fsidOf.apply(daemon);
            if (fsid == null) {
                return;
            }
            for (String counter : counters) {
                int dot = counter.indexOf('.');
                JsonNode value = dot < 0 ? null : dump.path(counter.substring(0, dot)).get(counter.substring(dot + 1));
                if (value == null) {
                    continue;
                }
                Map<String, Double> fields = new LinkedHashMap<>();
                if (value.isNumber()) {
                    fields.put("value", value.asDouble());
                } else if (value.has("avgcount") && value.has("sum")) {
                    fields.put("value", value.path("sum").asDouble());
                    fields.put("count", value.path("avgcount").asDouble());
                } else {
                    continue;
                }
                out.add(Measurement.PERF, Map.of("host", host, "daemon", daemon, "counter", counter, "fsid", fsid), fields, at);
            }
        });
    }
}
