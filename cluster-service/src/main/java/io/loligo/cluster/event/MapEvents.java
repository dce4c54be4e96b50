package io.loligo.cluster.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.state.HealthCounters;
import io.loligo.contracts.ceph.SecretOptions;
import io.loligo.contracts.heartbeat.ClusterMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The events one map change means, from the previous and the new version of the map. Pure. */
public final class MapEvents {
    private static final int CONFIG_CHANGES_NAMED = 5;
    /** How the event of an OSD going down ends: the flapping alert counts them. */
    public static final String WENT_DOWN = " went down";

    private MapEvents() {
    }

    public static List<Event> between(String fsid, String clusterName, ClusterMap map, JsonNode before, JsonNode after) {
        return switch (map) {
            case OSD_MAP -> osds(fsid, before.path("osd_dump"), after.path("osd_dump"));
            case HEALTH -> health(fsid, clusterName, before, after);
            case MON_STATUS -> quorum(fsid, before, after);
            case PG_SUMMARY -> pgs(fsid, clusterName, before.path("all"), after.path("all"));
            case CONFIG -> config(fsid, clusterName, before, after);
            case MON_MAP, FS_MAP -> List.of();
        };
    }

    static List<Event> osds(String fsid, JsonNode before, JsonNode after) {
        Map<Integer, JsonNode> old = byId(before);
        Map<Integer, JsonNode> now = byId(after);
        List<Event> events = new ArrayList<>();
        now.forEach((id, osd) -> {
            String name = "osd." + id;
            JsonNode was = old.get(id);
            if (was == null) {
                events.add(Event.service(Severity.INFO, fsid, "osd", id.toString(), "OSD " + name + " added to the cluster"));
                return;
            }
            if (was.path("up").asInt() == 1 && osd.path("up").asInt() == 0) {
                events.add(Event.service(Severity.WARNING, fsid, "osd", id.toString(), "OSD " + name + WENT_DOWN));
            } else if (was.path("up").asInt() == 0 && osd.path("up").asInt() == 1) {
                events.add(Event.service(Severity.RECOVERY, fsid, "osd", id.toString(), "OSD " + name + " came up"));
            }
            if (was.path("in").asInt() == 1 && osd.path("in").asInt() == 0) {
                events.add(Event.service(Severity.WARNING, fsid, "osd", id.toString(), "OSD " + name + " was marked out"));
            } else if (was.path("in").asInt() == 0 && osd.path("in").asInt() == 1) {
                events.add(Event.service(Severity.RECOVERY, fsid, "osd", id.toString(), "OSD " + name + " was marked in"));
            }
        });
        old.keySet().stream().filter(id -> !now.containsKey(id)).forEach(id ->
                events.add(Event.service(Severity.INFO, fsid, "osd", id.toString(), "OSD osd." + id + " removed from the cluster")));
        return events;
    }

    /** What live clients hear of a health change: the status, the one before, and the checks that fail now. */
    public record HealthChange(String status, String previous, Set<String> checks) {
    }

    /** The change from {@code before} to {@code after}, when the status or the failing checks differ. */
    static Optional<HealthChange> healthChange(JsonNode before, JsonNode after) {
        Set<String> checks = checks(after);
        if (status(after).equals(status(before)) && checks.equals(checks(before))) {
            return Optional.empty();
        }
        return Optional.of(new HealthChange(status(after), status(before), checks));
    }

    static List<Event> health(String fsid, String clusterName, JsonNode before, JsonNode after) {
        String was = status(before);
        String now = status(after);
        Set<String> oldChecks = checks(before);
        Set<String> newChecks = checks(after);
        Set<String> appeared = new TreeSet<>(newChecks);
        appeared.removeAll(oldChecks);
        Set<String> cleared = new TreeSet<>(oldChecks);
        cleared.removeAll(newChecks);
        String detail = (appeared.isEmpty() ? "" : "; appeared: " + String.join(", ", appeared))
                + (cleared.isEmpty() ? "" : "; cleared: " + String.join(", ", cleared));
        String cluster = "cluster '" + clusterName + "'";
        if (rank(now) > rank(was)) {
            Severity severity = "HEALTH_ERR".equals(now) ? Severity.ERROR : Severity.WARNING;
            return List.of(Event.cluster(severity, fsid, "Health of " + cluster + " degraded from " + was + " to " + now + detail));
        }
        if (rank(now) < rank(was)) {
            return List.of(Event.cluster(Severity.RECOVERY, fsid, "Health of " + cluster + " recovered from " + was + " to " + now + detail));
        }
        if (!detail.isEmpty()) {
            return List.of(Event.cluster(appeared.isEmpty() ? Severity.RECOVERY : Severity.WARNING, fsid,
                    "Health checks of " + cluster + " changed" + detail));
        }
        return List.of();
    }

    static List<Event> quorum(String fsid, JsonNode before, JsonNode after) {
        Set<String> was = names(before.path("quorum_names"));
        Set<String> now = names(after.path("quorum_names"));
        List<Event> events = new ArrayList<>();
        now.stream().filter(mon -> !was.contains(mon)).forEach(mon ->
                events.add(Event.service(Severity.RECOVERY, fsid, "mon", mon, "Monitor mon." + mon + " joined quorum")));
        was.stream().filter(mon -> !now.contains(mon)).forEach(mon ->
                events.add(Event.service(Severity.WARNING, fsid, "mon", mon, "Monitor mon." + mon + " left quorum")));
        return events;
    }

    /** Names what changed in the quorum leader's running configuration, old and new value, the first few in full. */
    static List<Event> config(String fsid, String clusterName, JsonNode before, JsonNode after) {
        List<String> changes = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode was = before.path(key);
            JsonNode now = after.path(key);
            // stored maps hold no secret; an option named like one is left out all the same, value and all
            if (!was.equals(now) && !SecretOptions.isSecretName(key)) {
                changes.add(key + " " + (was.isMissingNode() ? "(unset)" : was.asText()) + " → "
                        + (now.isMissingNode() ? "(unset)" : now.asText()));
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        String named = String.join(", ", changes.subList(0, Math.min(CONFIG_CHANGES_NAMED, changes.size())))
                + (changes.size() > CONFIG_CHANGES_NAMED ? " and " + (changes.size() - CONFIG_CHANGES_NAMED) + " more" : "");
        return List.of(Event.cluster(Severity.INFO, fsid, "Configuration of cluster '" + clusterName + "' changed: " + named));
    }

    static List<Event> pgs(String fsid, String clusterName, JsonNode before, JsonNode after) {
        long was = HealthCounters.pgs(before).critical().count();
        var now = HealthCounters.pgs(after).critical();
        if (was == 0 && now.count() > 0) {
            return List.of(Event.cluster(Severity.ERROR, fsid, now.count() + " PGs of cluster '" + clusterName
                    + "' are in critical states (" + describe(now.states()) + ")"));
        }
        if (was > 0 && now.count() == 0) {
            return List.of(Event.cluster(Severity.RECOVERY, fsid, "No PG of cluster '" + clusterName + "' is in a critical state any more"));
        }
        return List.of();
    }

    private static String describe(Map<String, Long> states) {
        List<String> parts = new ArrayList<>();
        new TreeMap<>(states).forEach((state, count) -> parts.add(state + ": " + count));
        return String.join(", ", parts);
    }

    private static int rank(String status) {
        return switch (status) {
            case "HEALTH_OK" -> 0;
            case "HEALTH_WARN" -> 1;
            case "HEALTH_ERR" -> 2;
            default -> 1;
        };
    }

    private static String status(JsonNode health) {
        return health.path("status").asText("HEALTH_UNKNOWN");
    }

    private static Set<String> checks(JsonNode health) {
        Set<String> names = new TreeSet<>();
        health.path("checks").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Map<Integer, JsonNode> byId(JsonNode osdDump) {
        Map<Integer, JsonNode> osds = new HashMap<>();
        osdDump.path("osds").forEach(osd -> osds.put(osd.path("osd").asInt(), osd));
        return osds;
    }
}
