package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.DaemonForm;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Starting, stopping and restarting a host's Ceph daemons, checked before anything reaches its agent. Pure. */
public final class DaemonControls {
    /** The order a host's daemons restart in, as Ceph's upgrades go: mons first, gateways last. */
    private static final List<String> RESTART_ORDER = List.of("mon", "mgr", "osd", "mds", "rgw");

    private DaemonControls() {
    }

    /**
     * One daemon of a host's inventory.
     *
     * @param type as the inventory has it: osd, mon, mgr, mds, rgw
     */
    public record Daemon(String fsid, String host, String type, String id) {
        /** As Ceph names it: {@code osd.1}, {@code client.rgw.a}. */
        public String name() {
            return type.equals("rgw") ? "client.rgw." + id : type + "." + id;
        }

        boolean hasOkToStop() {
            return type.equals("osd") || type.equals("mon");
        }
    }

    /** @throws NotFound naming the host's daemons when it has no such one */
    public static Daemon find(List<Daemon> daemons, String host, String name) {
        return daemons.stream().filter(daemon -> daemon.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("Daemon", "no daemon " + name + " on " + host + "; it has " + daemons.stream().map(Daemon::name).toList()));
    }

    /**
     * The action checked, and Ceph's ok-to-stop asked (through {@code okToStop}) before a daemon that has one stops,
     * unless the form overrides it with the daemon's name.
     *
     * @throws InvalidInput naming a bad field, Conflict {@code NotOkToStop} with Ceph's reason
     */
    public static Planned control(Daemon daemon, DaemonForm form, Function<Daemon, JsonNode> okToStop) {
        List<FieldError> errors = new ArrayList<>();
        DaemonControl.Action action = null;
        String asked = form == null || form.action() == null ? null : form.action().strip().toUpperCase(Locale.ROOT);
        try {
            action = asked == null ? null : DaemonControl.Action.valueOf(asked);
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (action == null) {
            errors.add(new FieldError("action", "must be start, stop or restart"));
        }
        boolean overridden = form != null && form.override() != null;
        if (overridden && !form.override().equals(daemon.name())) {
            errors.add(new FieldError("override", "must be the daemon's name, " + daemon.name() + ", typed to stop it against Ceph's advice"));
        }
        InvalidInput.refuseIfAny(errors);
        if (action.stops() && daemon.hasOkToStop() && !overridden) {
            JsonNode verdict = okToStop.apply(daemon);
            if (!verdict.path("ok").asBoolean()) {
                throw new Conflict("NotOkToStop", "Ceph says " + daemon.name() + " should not stop now: "
                        + verdict.path("reason").asText() + ". Give its name as override to " + asked.toLowerCase(Locale.ROOT) + " it anyway.");
            }
        }
        String verb = action.name().charAt(0) + action.name().substring(1).toLowerCase(Locale.ROOT);
        return new Planned(verb + " " + daemon.name() + " on " + daemon.host() + (overridden ? " against Ceph's ok-to-stop" : ""),
                List.of(new DaemonControl(daemon.fsid(), daemon.host(), daemon.name(), action, !overridden)));
    }

    /**
     * Every daemon of the host restarted one at a time, mons first; each after Ceph's ok-to-stop and once Ceph shows
     * the one before it running again, so that the request stops at the first Ceph refuses.
     *
     * @throws Conflict when the host serves several clusters, whose requests are queued apart
     */
    public static Planned restartAll(String host, List<Daemon> daemons) {
        Map<String, List<Daemon>> byCluster = daemons.stream().collect(java.util.stream.Collectors.groupingBy(Daemon::fsid));
        if (byCluster.size() > 1) {
            throw new Conflict("SeveralClusters", host + " runs daemons of clusters " + byCluster.keySet()
                    + ": restart them one by one");
        }
        List<DaemonControl> restarts = daemons.stream()
                .sorted(Comparator.comparingInt((Daemon daemon) -> order(daemon.type())).thenComparing(Daemon::name))
                .map(daemon -> new DaemonControl(daemon.fsid(), host, daemon.name(), DaemonControl.Action.RESTART, true)).toList();
        return new Planned("Restart the " + restarts.size() + " daemons of " + host + " one by one", restarts);
    }

    private static int order(String type) {
        int index = RESTART_ORDER.indexOf(type);
        return index < 0 ? RESTART_ORDER.size() : index;
    }
}
