package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loligo's built-in rules: what is wrong in a cluster now, from its maps and its servers' reports. Every Ceph health
 * check that is not muted is an alert, named as in Ceph's own Prometheus alert set where it names one; the OSD map
 * adds one alert per OSD down, out or flapping (down again and again, as its events show), the quorum one for a quorum
 * that one more monitor's loss would break, and the servers one per host whose agent stopped reporting. Pure.
 */
public final class AlertRules {
    /** A health check that Ceph's alert set names apart, its severity there when it differs from Ceph's health's. */
    private record Known(String alert, AlertSeverity severity, String action) {
    }

    private static final Map<String, Known> CHECKS = Map.ofEntries(
            Map.entry("MON_DOWN", new Known("CephMonDown", null,
                    "Start the monitor, or find why it left the quorum: its log, its host's clock and network.")),
            Map.entry("MON_CLOCK_SKEW", new Known("CephMonClockSkew", null, "Check NTP (chrony) on the monitors' hosts.")),
            Map.entry("MON_DISK_LOW", new Known("CephMonDiskLow", null, "Free space on the monitor's data partition before it stops.")),
            Map.entry("MON_DISK_CRIT", new Known("CephMonDiskCritical", AlertSeverity.CRITICAL,
                    "Free space on the monitor's data partition now: the monitor stops below 5 %.")),
            Map.entry("MGR_DOWN", new Known("CephMgrMissing", AlertSeverity.CRITICAL,
                    "Start a mgr daemon: without one, PG statistics and the mgr's modules stop.")),
            Map.entry("MGR_MODULE_ERROR", new Known("CephMgrModuleError", null, "Read the module's error in `ceph health detail` and the mgr's log.")),
            Map.entry("OSD_HOST_DOWN", new Known("CephOsdHostDown", null, "Bring the host back, or its OSDs' data will be recovered elsewhere.")),
            Map.entry("OSD_SCRUB_ERRORS", new Known("CephOsdScrubErrors", AlertSeverity.CRITICAL,
                    "Find the inconsistent PGs (`rados list-inconsistent-pg`) and repair them (`ceph pg repair`).")),
            Map.entry("OSD_NEARFULL", new Known("CephOsdNearFull", null, "Add capacity or delete data before the OSD is full and writes stop.")),
            Map.entry("OSD_BACKFILLFULL", new Known("CephOsdBackfillFull", null,
                    "Add capacity: recovery can no longer move data onto the OSD.")),
            Map.entry("OSD_FULL", new Known("CephOsdFull", AlertSeverity.CRITICAL,
                    "Writes have stopped: add capacity or delete data now.")),
            Map.entry("POOL_NEARFULL", new Known("CephPoolNearFull", null, "Add capacity, or delete data from the pool.")),
            Map.entry("POOL_NEAR_FULL", new Known("CephPoolNearFull", null, "Raise the pool's quota or delete data from it.")),
            Map.entry("POOL_BACKFILLFULL", new Known("CephPoolBackfillFull", null, "Add capacity, or delete data from the pool.")),
            Map.entry("POOL_FULL", new Known("CephPoolFull", AlertSeverity.CRITICAL,
                    "Writes to the pool have stopped: raise its quota, add capacity or delete data.")),
            Map.entry("PG_AVAILABILITY", new Known("CephPgsInactive", AlertSeverity.CRITICAL,
                    "Some data cannot be read or written: bring the OSDs holding these PGs back.")),
            Map.entry("PG_DEGRADED", new Known("CephPgsDegraded", null,
                    "Some data has fewer copies than it should: recovery is under way, or OSDs are down.")),
            Map.entry("PG_DAMAGED", new Known("CephPgsInconsistent", AlertSeverity.CRITICAL,
                    "Scrubbing found damaged PGs: repair them (`ceph pg repair`) after finding the bad copies.")),
            Map.entry("PG_RECOVERY_FULL", new Known("CephPgsRecoveryFull", AlertSeverity.CRITICAL, "Add capacity: recovery cannot go on.")),
            Map.entry("PG_BACKFILL_FULL", new Known("CephPgsBackfillFull", null, "Add capacity: backfill cannot go on.")),
            Map.entry("PG_NOT_SCRUBBED", new Known("CephPgsNotScrubbed", null, "Check that scrubbing is not disabled and OSDs keep up.")),
            Map.entry("PG_NOT_DEEP_SCRUBBED", new Known("CephPgsNotDeepScrubbed", null, "Check that deep scrubbing is not disabled and OSDs keep up.")),
            Map.entry("OBJECT_UNFOUND", new Known("CephObjectUnfound", AlertSeverity.CRITICAL,
                    "Objects have no copy left on an up OSD: bring back the OSDs that held them.")),
            Map.entry("SLOW_OPS", new Known("CephSlowOps", null, "Find the slow daemons in `ceph health detail`: their disks or network.")),
            Map.entry("RECENT_CRASH", new Known("CephDaemonCrash", null, "Read the crash (`ceph crash info`), then archive it.")));

    /** An OSD that went down this often within the window flaps (Ceph's alert set: 4 in 5 minutes, as up changes). */
    public static final Duration FLAPPING_WINDOW = Duration.ofMinutes(10);
    static final long FLAPPING_DOWNS = 3;

    /** Health checks that the OSD map's own alerts cover one OSD at a time. */
    private static final Set<String> COVERED_BY_OSD_ALERTS = Set.of("OSD_DOWN", "OSD_OUT");

    private AlertRules() {
    }

    /**
     * What a cluster's maps and servers say is wrong now.
     *
     * @param health {@code health detail}, as the agents read it
     * @param osdMap the OSD map as cluster-service keeps it ({@code osd_dump}, {@code osd_tree})
     * @param monStatus {@code quorum_status}
     * @param silentHosts the hosts of the cluster whose agents stopped reporting
     * @param recentDowns how often each OSD went down within {@link #FLAPPING_WINDOW}, by id
     */
    public static List<Condition> evaluate(String fsid, String clusterName, JsonNode health, JsonNode osdMap, JsonNode monStatus,
                                           Set<String> silentHosts, Map<Integer, Long> recentDowns) {
        Map<String, String> cluster = Map.of("fsid", fsid, "cluster", clusterName);
        List<Condition> conditions = new ArrayList<>();
        health.path("checks").fields().forEachRemaining(check -> {
            if (!check.getValue().path("muted").asBoolean() && !COVERED_BY_OSD_ALERTS.contains(check.getKey())) {
                conditions.add(healthCheck(cluster, check.getKey(), check.getValue()));
            }
        });
        conditions.addAll(osds(cluster, osdMap, recentDowns));
        quorumAtRisk(cluster, health, monStatus).ifPresent(conditions::add);
        silentHosts.forEach(host -> conditions.add(Condition.of("CephHostNotReporting", AlertSeverity.WARNING, with(cluster, "host", host),
                "Host " + host + " has not reported for longer than its heartbeats allow",
                "Check that Loligo's agent runs on " + host + " and reaches the broker; then the host itself.")));
        return conditions;
    }

    private static Condition healthCheck(Map<String, String> cluster, String code, JsonNode check) {
        Known known = CHECKS.get(code);
        boolean error = "HEALTH_ERR".equals(check.path("severity").asText());
        AlertSeverity severity = known != null && known.severity() != null ? known.severity() : error ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        String name = known != null ? known.alert() : error ? "CephHealthError" : "CephHealthWarning";
        StringBuilder description = new StringBuilder(known != null ? known.action() : "See `ceph health detail` for " + code + ".");
        List<String> details = new ArrayList<>();
        check.path("detail").forEach(detail -> details.add(detail.path("message").asText()));
        if (!details.isEmpty()) {
            description.append(" Ceph says: ").append(String.join("; ", details.subList(0, Math.min(details.size(), 10))))
                    .append(details.size() > 10 ? "; and " + (details.size() - 10) + " more" : "");
        }
        return Condition.of(name, severity, with(cluster, "check", code), check.path("summary").path("message").asText(code),
                description.toString());
    }

    private static List<Condition> osds(Map<String, String> cluster, JsonNode osdMap, Map<Integer, Long> recentDowns) {
        Map<Integer, String> hosts = hostsOf(osdMap.path("osd_tree"));
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode osd : osdMap.path("osd_dump").path("osds")) {
            int id = osd.path("osd").asInt();
            if (destroyed(osd)) {
                continue;
            }
            Map<String, String> labels = new HashMap<>(cluster);
            labels.put("osd", "osd." + id);
            if (hosts.containsKey(id)) {
                labels.put("host", hosts.get(id));
            }
            String where = hosts.containsKey(id) ? " on " + hosts.get(id) : "";
            if (osd.path("up").asInt() == 0) {
                conditions.add(Condition.of("CephOsdDown", AlertSeverity.WARNING, labels, "osd." + id + where + " is down",
                        "Start it, or read its log for why it stopped (`journalctl -u ceph-osd@" + id + "`). Ceph marks it out and"
                                + " recovers its data elsewhere after mon_osd_down_out_interval."));
            }
            long downs = recentDowns.getOrDefault(id, 0L);
            if (downs >= FLAPPING_DOWNS) {
                conditions.add(Condition.of("CephOsdFlapping", AlertSeverity.WARNING, labels, "osd." + id + where + " went down " + downs
                        + " times in " + FLAPPING_WINDOW.toMinutes() + " minutes",
                        "It keeps restarting or losing its peers: read its log for a failing disk, a crash or a congested cluster network."));
            }
            if (osd.path("in").asInt() == 0) {
                conditions.add(Condition.of("CephOsdOut", AlertSeverity.WARNING, labels, "osd." + id + where + " is out",
                        "Its data is held by the other OSDs. Mark it in once it is back, or replace it."));
            }
        }
        return conditions;
    }

    /** The quorum holds, but losing one more monitor would break it (Ceph's CephMonQuorumAtRisk). */
    private static Optional<Condition> quorumAtRisk(Map<String, String> cluster, JsonNode health, JsonNode monStatus) {
        int mons = monStatus.path("monmap").path("mons").size();
        int inQuorum = monStatus.path("quorum_names").size();
        if (!health.path("checks").has("MON_DOWN") || mons == 0 || inQuorum > mons / 2 + 1) {
            return Optional.empty();
        }
        return Optional.of(Condition.of("CephMonQuorumAtRisk", AlertSeverity.CRITICAL, cluster,
                inQuorum + " of " + mons + " monitors are in quorum: one more down and the cluster stops",
                "Bring the missing monitors back now."));
    }

    private static boolean destroyed(JsonNode osd) {
        for (JsonNode state : osd.path("state")) {
            if ("destroyed".equals(state.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<Integer, String> hostsOf(JsonNode osdTree) {
        Map<Integer, String> hosts = new HashMap<>();
        for (JsonNode node : osdTree.path("nodes")) {
            if ("host".equals(node.path("type").asText())) {
                node.path("children").forEach(child -> hosts.put(child.asInt(), node.path("name").asText()));
            }
        }
        return hosts;
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(name, value);
        return more;
    }
}
