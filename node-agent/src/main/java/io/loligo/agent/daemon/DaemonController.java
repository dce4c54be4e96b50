package io.loligo.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.DaemonControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
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

    /** Ceph did not show the daemon as asked in time. */
    public static final class NotSettled extends RuntimeException {
        NotSettled(String message) {
            super(message);
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
            JsonNode verdict = cluster.read(reader -> reader.okToStop(daemon));
            if (!verdict.path("ok").asBoolean()) {
                throw new NotOkToStop("Ceph says " + daemon + " should not stop now: " + verdict.path("reason").asText());
            }
        }
        long startedUpFrom = osdId(daemon) == null ? 0 : cluster.read(reader -> reader.osdState(osdId(daemon))).path("up_from").asLong();
        if (control.action().stops()) {
            progress.accept(CommandReply.Progress.at("stopping " + daemon));
            manager.act(ServiceManager.Verb.STOP, daemon);
            await(progress, "Ceph to show " + daemon + " stopped", () -> !shownRunning(daemon, 0));
        }
        if (control.action() != DaemonControl.Action.STOP) {
            progress.accept(CommandReply.Progress.at("starting " + daemon));
            manager.act(ServiceManager.Verb.START, daemon);
            // a restarted OSD is up again from a later epoch than before
            long upFrom = control.action() == DaemonControl.Action.RESTART ? startedUpFrom : 0;
            await(progress, "Ceph to show " + daemon + " running", () -> shownRunning(daemon, upFrom));
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

    private void await(Consumer<CommandReply.Progress> progress, String what, BooleanSupplier done) throws InterruptedException {
        long started = System.nanoTime();
        while (!done.getAsBoolean()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (waited.compareTo(settleTimeout) > 0) {
                throw new NotSettled("waited " + settleTimeout.toSeconds() + " s for " + what + " in vain");
            }
            progress.accept(CommandReply.Progress.at("waiting for " + what + " (" + waited.toSeconds() + " s)"));
            Thread.sleep(POLL_EVERY.toMillis());
        }
    }

    private static Integer osdId(String daemon) {
        return daemon.startsWith("osd.") ? Integer.valueOf(daemon.substring(4)) : null;
    }
}
