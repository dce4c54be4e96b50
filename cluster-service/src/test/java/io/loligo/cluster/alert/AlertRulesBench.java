package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of every built-in rule for a cluster of 10,000 OSDs on 500 hosts (1 % of them down and out, as after
 * a rack failure), with the health checks such a cluster shows, and the step of the lifecycle over the alerts it holds
 * open: what the leader spends on each cluster every 5 s besides reading its open alerts. Prints wall and CPU time.
 * Asserts nothing: run with {@code ./dev/loligo bench alerts}.
 */
class AlertRulesBench {
    private static final int OSDS = Integer.getInteger("osds", 10_000);
    private static final int HOSTS = 500;
    private static final int RUNS = 20;

    @Test
    void evaluateEveryRuleForTenThousandOsds() {
        JsonNode osdMap = osdMap();
        JsonNode health = health();
        JsonNode quorum = CephFixtures.json("quorum-status.json");
        Set<String> silent = Set.of("host-7");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<AlertLifecycle.Open> open = new ArrayList<>();
        long worstWall = 0;
        long worstCpu = 0;
        for (int run = 1; run <= RUNS; run++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            List<Condition> conditions = AlertRules.evaluate("f00", "scale", health, osdMap, quorum, silent, Map.of());
            List<AlertLifecycle.Transition> transitions = AlertLifecycle.step(open, conditions, Instant.now(), condition -> Duration.ofMinutes(1));
            wall = System.nanoTime() - wall;
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (run == 1) {
                // the alerts are open from here on, as they would be after the first evaluation
                long id = 0;
                for (Condition condition : conditions) {
                    open.add(new AlertLifecycle.Open(id++, condition.fingerprint(), AlertState.FIRING, Instant.now(), condition.summary(),
                            condition.description()));
                }
            }
            System.out.printf(Locale.ROOT, "run %d: %d conditions, %d transitions in %.1f ms (%.1f ms CPU)%n", run, conditions.size(),
                    transitions.size(), wall / 1e6, cpu / 1e6);
            if (run > RUNS / 2) {
                worstWall = Math.max(worstWall, wall);
                worstCpu = Math.max(worstCpu, cpu);
            }
        }
        System.out.printf(Locale.ROOT, "== alerts: every rule for %d OSDs on %d hosts, %d of them down: worst of the last %d runs %.1f ms,"
                + " %.1f ms CPU%n", OSDS, HOSTS, OSDS / 100, RUNS / 2, worstWall / 1e6, worstCpu / 1e6);
    }

    /** The OSD map as cluster-service keeps it: every 100th OSD down and out. */
    private static JsonNode osdMap() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode map = json.objectNode();
        ArrayNode osds = map.putObject("osd_dump").put("epoch", 1000).putArray("osds");
        ArrayNode nodes = map.putObject("osd_tree").putArray("nodes");
        for (int osd = 0; osd < OSDS; osd++) {
            boolean down = osd % 100 == 7;
            osds.addObject().put("osd", osd).put("up", down ? 0 : 1).put("in", down ? 0 : 1).put("weight", down ? 0.0 : 1.0)
                    .putArray("state").add("exists").add(down ? "down" : "up");
        }
        for (int host = 0; host < HOSTS; host++) {
            ArrayNode children = nodes.addObject().put("id", -host - 2).put("name", "host-" + host).put("type", "host").putArray("children");
            for (int osd = host; osd < OSDS; osd += HOSTS) {
                children.add(osd);
            }
        }
        return map;
    }

    /** What such a cluster's health detail shows: its OSDs down, PGs degraded and unavailable, with the detail capped. */
    private static JsonNode health() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode health = json.objectNode().put("status", "HEALTH_WARN");
        ObjectNode checks = health.putObject("checks");
        for (String code : List.of("OSD_DOWN", "OSD_HOST_DOWN", "PG_DEGRADED", "PG_AVAILABILITY", "OSDMAP_FLAGS", "SLOW_OPS",
                "POOL_NEARFULL", "OSD_NEARFULL", "RECENT_CRASH", "PG_NOT_DEEP_SCRUBBED")) {
            ObjectNode check = checks.putObject(code).put("severity", "HEALTH_WARN").put("muted", false);
            check.putObject("summary").put("message", code + " on 100 items").put("count", 100);
            ArrayNode detail = check.putArray("detail");
            for (int item = 0; item < 50; item++) {
                detail.addObject().put("message", "pg 3." + Integer.toHexString(item) + " is active+undersized+degraded, acting [1,2]");
            }
        }
        return health;
    }
}
