package io.loligo.agent.osd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.daemon.DaemonController;
import io.loligo.agent.daemon.Settle;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.OsdDrain;
import io.loligo.contracts.command.OsdProvision;
import io.loligo.contracts.command.OsdRemoval;
import io.loligo.contracts.command.SafetyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An OSD's life on this host: made on a device until Ceph shows it up and in, drained until Ceph says it is safe to
 * destroy, destroyed or purged and its device wiped. Each step reports what it waits for; each refusal of Ceph's
 * fails it in Ceph's words.
 */
@ApplicationScoped
public class OsdLifecycle {
    static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private final OsdProvisioner provisioner;
    private final Duration createTimeout;

    @Inject
    ClusterProbe cluster;
    @Inject
    DaemonController daemons;

    @Inject
    public OsdLifecycle(AgentConfig config) {
        this.provisioner = OsdProvisioner.of(config.osds());
        this.createTimeout = config.osds().createTimeout();
    }

    /** This host's OSDs are made by someone else (Rook's operator): the agent leaves them alone. */
    public static final class Unmanaged extends RuntimeException {
        Unmanaged() {
            super("this agent does not make or wipe OSDs (loligo.agent.osds.provisioner=none): whoever runs them must");
        }
    }

    /** Ceph says the OSD is not safe to destroy, in its words; or the drain was given up. */
    public static final class NotSafeToDestroy extends RuntimeException {
        NotSafeToDestroy(String reason) {
            super(reason);
        }
    }

    /** A step that did not end as it should: no new OSD in the map, or an OSD marked in again while it drained. */
    public static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    /** @return {@code {"outs", "osd", "osd_map_epoch"}} once Ceph shows the new OSD up and in */
    public JsonNode create(OsdProvision provision, Consumer<CommandReply.Progress> progress) throws InterruptedException {
        if (provisioner == null) {
            throw new Unmanaged();
        }
        List<Integer> before = cluster.read(reader -> reader.osdIds());
        String making = "making " + (provision.osdId() == null ? "an OSD" : "osd." + provision.osdId()) + " on " + provision.device();
        progress.accept(CommandReply.Progress.at(making));
        provisioner.create(provision.device(), provision.osdId(), Settle.stillIn(making, progress));
        int osd = provision.osdId() != null ? provision.osdId() : newOsd(before, cluster.read(reader -> reader.osdIds()));
        if (provision.deviceClass() != null) {
            progress.accept(CommandReply.Progress.at("giving osd." + osd + " device class " + provision.deviceClass()));
            cluster.change(reader -> reader.setDeviceClass(osd, provision.deviceClass()));
        }
        if (!provision.crushLocation().isEmpty()) {
            progress.accept(CommandReply.Progress.at("placing osd." + osd + " at " + provision.crushLocation()));
            cluster.change(reader -> reader.placeOsd(osd, provision.crushLocation()));
        }
        Settle.until(progress, "Ceph to show osd." + osd + " up and in", createTimeout, POLL_EVERY, () -> {
            JsonNode state = cluster.read(reader -> reader.osdState(osd));
            return state.path("up").asInt() == 1 && state.path("in").asInt() == 1;
        });
        return answer("osd." + osd + " is up and in").put("osd", osd);
    }

    /**
     * Marks the OSD out (if in) and follows the PGs leaving it until Ceph says it is safe to destroy: progress counts
     * the PGs gone of those it had once out. No time limit: a drain takes as long as backfill does.
     */
    public JsonNode drain(OsdDrain drain, Consumer<CommandReply.Progress> progress) throws InterruptedException {
        int osd = drain.osd();
        if (cluster.read(reader -> reader.osdState(osd)).path("in").asInt() == 1) {
            progress.accept(CommandReply.Progress.at("marking osd." + osd + " out"));
            cluster.change(reader -> reader.markOut(osd));
        }
        SafetyCheck safeToDestroy = new SafetyCheck(drain.fsid(), List.of("osd." + osd), SafetyCheck.Check.SAFE_TO_DESTROY);
        long started = System.nanoTime();
        long most = 0;
        while (true) {
            JsonNode verdict = cluster.read(reader -> reader.safety(safeToDestroy));
            if (verdict.path("ok").asBoolean()) {
                return answer("osd." + osd + " is drained: Ceph says it is safe to destroy");
            }
            if (cluster.read(reader -> reader.osdState(osd)).path("in").asInt() == 1) {
                throw new StepFailed("osd." + osd + " was marked in again while it drained: the drain is given up");
            }
            JsonNode left = cluster.read(reader -> reader.pgsOn(osd));
            long pgs = left.path("pgs").asLong();
            most = Math.max(most, pgs);
            progress.accept(new CommandReply.Progress(most - pgs, most, pgs + " PGs and " + bytes(left.path("bytes").asLong())
                    + " still on osd." + osd,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds()));
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    /** Safe-to-destroy asked (unless overridden), the daemon stopped, the OSD destroyed or purged, its device wiped. */
    public JsonNode remove(OsdRemoval removal, Consumer<CommandReply.Progress> progress) throws InterruptedException {
        if (provisioner == null) {
            throw new Unmanaged();
        }
        int osd = removal.osd();
        if (removal.checkSafeToDestroy()) {
            progress.accept(CommandReply.Progress.at("asking Ceph whether osd." + osd + " is safe to destroy"));
            JsonNode verdict = cluster.read(reader -> reader.safety(new SafetyCheck(removal.fsid(), List.of("osd." + osd),
                    SafetyCheck.Check.SAFE_TO_DESTROY)));
            if (!verdict.path("ok").asBoolean()) {
                throw new NotSafeToDestroy("Ceph says osd." + osd + " is not safe to destroy: " + verdict.path("reason").asText());
            }
        }
        daemons.control(new DaemonControl(removal.fsid(), removal.host(), "osd." + osd, DaemonControl.Action.STOP, false), progress);
        progress.accept(CommandReply.Progress.at((removal.purge() ? "purging" : "destroying") + " osd." + osd));
        cluster.change(reader -> reader.removeOsd(osd, removal.purge()));
        String wiping = "wiping osd." + osd + "'s device";
        progress.accept(CommandReply.Progress.at(wiping));
        provisioner.zap(osd, Settle.stillIn(wiping, progress));
        return answer("osd." + osd + (removal.purge() ? " is purged" : " is destroyed; its id waits for a replacement")
                + " and its device wiped");
    }

    private static int newOsd(List<Integer> before, List<Integer> after) {
        List<Integer> added = new ArrayList<>(after);
        added.removeAll(before);
        if (added.size() != 1) {
            throw new StepFailed("the provisioner finished, but the OSD map shows " + (added.isEmpty() ? "no new OSD" : "new OSDs " + added));
        }
        return added.get(0);
    }

    private ObjectNode answer(String outs) {
        long epoch = cluster.read(reader -> reader.osdMapEpoch());
        return JsonNodeFactory.instance.objectNode().put("outs", outs).put("osd_map_epoch", epoch);
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), "KMGTPE".charAt(unit - 1));
    }
}
