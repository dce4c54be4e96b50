package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.OsdGroupFlagChange;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A host into and out of maintenance. Entering stops the daemons that serve data (its RGWs, MDSs, then OSDs) after
 * Ceph's ok-to-stop for its OSDs together, with {@code noout} set on its CRUSH host so that Ceph waits for them rather
 * than copies their data elsewhere; its mons and mgrs keep running, as the cluster's quorum and Loligo's view of the
 * host depend on them. Exiting starts them again, clears the flag and follows recovery until every PG is
 * active+clean. Pure.
 */
public final class Maintenance {
    /** Stopped in this order, started in the reverse: clients' gateways first, the data they reach last. */
    private static final List<String> STOP_ORDER = List.of("rgw", "mds", "osd");

    private Maintenance() {
    }

    /**
     * @param daemons the host's daemons as its agent reports them
     * @param stoppedBefore those its last maintenance stopped, which its agent may no longer report (started on exit)
     * @param osdDump the OSD map held: an OSD destroyed or purged there is no daemon to stop or start
     * @param crush the CRUSH map held, whose host bucket of the daemons' OSDs gets the flag
     * @param okToStop Ceph's verdict on stopping these OSDs together, asked only when entering without override
     * @throws InvalidInput naming a bad field, Conflict {@code NotOkToStop} with Ceph's reason, Conflict when the host serves
     *                      several clusters or runs nothing to stop
     */
    public static Planned plan(String host, List<DaemonControls.Daemon> daemons, List<DaemonControls.Daemon> stoppedBefore, JsonNode osdDump,
                               CrushMap crush, OsdForms.Maintenance form, Function<List<String>, JsonNode> okToStop) {
        List<FieldError> errors = new ArrayList<>();
        String action = form == null || form.action() == null ? null : form.action().strip().toLowerCase(Locale.ROOT);
        if (!"enter".equals(action) && !"exit".equals(action)) {
            errors.add(new FieldError("action", "must be enter or exit"));
        }
        boolean overridden = form != null && form.override() != null;
        if (overridden && !form.override().equals(host)) {
            errors.add(new FieldError("override", "must be the server's fqdn, " + host + ", typed to stop its OSDs against Ceph's advice"));
        }
        InvalidInput.refuseIfAny(errors);
        Set<String> liveOsds = new HashSet<>();
        for (JsonNode osd : osdDump.path("osds")) {
            if (!osd.path("state").toString().contains("\"destroyed\"")) {
                liveOsds.add(osd.path("osd").asText());
            }
        }
        List<DaemonControls.Daemon> known = new ArrayList<>(daemons);
        if ("exit".equals(action)) {
            stoppedBefore.stream().filter(daemon -> known.stream().noneMatch(listed -> listed.name().equals(daemon.name()))).forEach(known::add);
        }
        List<DaemonControls.Daemon> served = known.stream().filter(daemon -> STOP_ORDER.contains(daemon.type()))
                .filter(daemon -> !daemon.type().equals("osd") || liveOsds.contains(daemon.id()))
                .sorted(Comparator.comparingInt((DaemonControls.Daemon daemon) -> STOP_ORDER.indexOf(daemon.type())).thenComparing(DaemonControls.Daemon::name))
                .toList();
        if (served.isEmpty()) {
            throw new Conflict("NothingToStop", host + " runs no OSD, MDS or RGW: maintenance stops nothing there");
        }
        if (served.stream().map(DaemonControls.Daemon::fsid).distinct().count() > 1) {
            throw new Conflict("SeveralClusters", host + " runs daemons of several clusters: stop them one by one");
        }
        String fsid = served.get(0).fsid();
        List<String> osds = served.stream().filter(daemon -> daemon.type().equals("osd")).map(DaemonControls.Daemon::name).toList();
        List<String> buckets = hostBuckets(crush, osds);
        List<RequestedChange> changes = new ArrayList<>();
        if ("enter".equals(action)) {
            if (!osds.isEmpty() && !overridden) {
                JsonNode verdict = okToStop.apply(osds);
                if (!verdict.path("ok").asBoolean()) {
                    throw new Conflict("NotOkToStop", "Ceph says " + String.join(", ", osds) + " should not stop now: "
                            + verdict.path("reason").asText() + ". Give the server's fqdn as override to enter maintenance anyway.");
                }
            }
            if (!buckets.isEmpty()) {
                changes.add(new OsdGroupFlagChange(fsid, "noout", buckets, true));
            }
            served.forEach(daemon -> changes.add(new DaemonControl(fsid, host, daemon.name(), DaemonControl.Action.STOP, false)));
            return new Planned(enterHeadline(host) + "stop " + served.size() + " daemons"
                    + (buckets.isEmpty() ? "" : " with noout on " + String.join(", ", buckets)) + (overridden ? " against Ceph's ok-to-stop" : ""), changes);
        }
        List<DaemonControls.Daemon> startOrder = new ArrayList<>(served);
        Collections.reverse(startOrder);
        startOrder.forEach(daemon -> changes.add(new DaemonControl(fsid, host, daemon.name(), DaemonControl.Action.START, false)));
        if (!buckets.isEmpty()) {
            changes.add(new OsdGroupFlagChange(fsid, "noout", buckets, false));
        }
        return new Planned("Exit maintenance on " + host + ": start " + served.size() + " daemons"
                + (buckets.isEmpty() ? "" : " and clear noout on " + String.join(", ", buckets)), changes);
    }

    /** How an entry into maintenance is headed: {@link MaintenanceHistory} finds the last one by it. */
    static String enterHeadline(String host) {
        return "Enter maintenance on " + host + ": ";
    }

    /**
     * The CRUSH buckets of type host that hold any of the OSDs: Ceph's own unit for a host's flags. Not the shadow
     * buckets of device classes ({@code node-2~ssd}), which follow their host.
     */
    static List<String> hostBuckets(CrushMap crush, List<String> osds) {
        Set<Integer> ids = new HashSet<>();
        osds.forEach(name -> ids.add(Integer.parseInt(name.substring("osd.".length()))));
        return crush.buckets().stream()
                .filter(bucket -> bucket.typeName().equals("host") && !bucket.isShadow())
                .filter(bucket -> bucket.items().stream().anyMatch(item -> ids.contains(item.id())))
                .map(CrushMap.Bucket::name).distinct().toList();
    }
}
