package io.loligo.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.SafetyCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Starts, stops and restarts this host's Ceph daemons through its {@link ServiceManager}, after Ceph's own check where
 * asked, and follows each until Ceph shows it so, reporting what it waits for meanwhile.
 */
@ApplicationScoped
public class DaemonController {
    static final Duration POLL_EVERY = Duration.ofMillis(500);

    private final ServiceManager manager;
    private final Duration settleTimeout;

    @Inject
    ClusterProbe cluster;

    @Inject
    public DaemonController(AgentConfig config) {
        this.manager = ServiceManager.of(config.services());
        this.settleTimeout = config.services().settleTimeout();
    }

    /** Ceph refused the stop, in its words. */
    public static final class NotOkToStop extends RuntimeException {
        NotOkToStop(String reason) {
            super(reason);
        }
    }

    /** This host's daemons are run by someone else (Rook's operator): the agent leaves them alone. */
    public static final class Unmanaged extends RuntimeException {
        Unmanaged() {
            super("this agent does not start or stop daemons (loligo.agent.services.manager=none): whoever runs them must");
        }
    }

    /** @return {@code {"outs": ...}} once Ceph shows the daemon as asked */
    public JsonNode control(DaemonControl control, Consumer<CommandReply.Progress> progress) throws InterruptedException {
        if (manager == null) {
            throw new Unmanaged();
        }
        String daemon = control.daemon();
        if (control.checkOkToStop() && control.action().stops()) {
            progress.accept(CommandReply.Progress.at("asking Ceph whether " + daemon + " may stop"));
            JsonNode verdict = cluster.read(reader -> reader.safety(SafetyCheck.okToStop(control.fsid(), daemon)));
            if (!verdict.path("ok").asBoolean()) {
                throw new NotOkToStop("Ceph says " + daemon + " should not stop now: " + verdict.path("reason").asText());
            }
        }
        long startedUpFrom = osdId(daemon) == null ? 0 : cluster.read(reader -> reader.osdState(osdId(daemon))).path("up_from").asLong();
        if (control.action().stops()) {
            progress.accept(CommandReply.Progress.at("stopping " + daemon));
            manager.act(ServiceManager.Verb.STOP, daemon, Settle.stillIn("stopping " + daemon, progress));
            Settle.until(progress, "Ceph to show " + daemon + " stopped", settleTimeout, POLL_EVERY, () -> !shownRunning(daemon, 0));
        }
        if (control.action() != DaemonControl.Action.STOP) {
            progress.accept(CommandReply.Progress.at("starting " + daemon));
            manager.act(ServiceManager.Verb.START, daemon, Settle.stillIn("starting " + daemon, progress));
            // a restarted OSD is up again from a later epoch than before
            long upFrom = control.action() == DaemonControl.Action.RESTART ? startedUpFrom : 0;
            Settle.until(progress, "Ceph to show " + daemon + " running", settleTimeout, POLL_EVERY, () -> shownRunning(daemon, upFrom));
        }
        return JsonNodeFactory.instance.objectNode().put("outs", daemon + " " + control.action().name().toLowerCase(Locale.ROOT)
                + (control.action() == DaemonControl.Action.STOP ? "ped" : "ed"));
    }

    /** An OSD up in the OSD map (from a later epoch than {@code upFromBefore}), a mon in the quorum, any other daemon's process. */
    private boolean shownRunning(String daemon, long upFromBefore) {
        Integer osd = osdId(daemon);
        if (osd != null) {
            JsonNode state = cluster.read(reader -> reader.osdState(osd));
            return state.path("up").asInt() == 1 && state.path("up_from").asLong() > upFromBefore;
        }
        if (daemon.startsWith("mon.")) {
            return manager.running(daemon) && cluster.read(reader -> reader.quorum()).contains(daemon.substring("mon.".length()));
        }
        return manager.running(daemon);
    }

    private static Integer osdId(String daemon) {
        return daemon.startsWith("osd.") ? Integer.valueOf(daemon.substring(4)) : null;
    }
}
