package io.loligo.contracts.command;

import java.util.Locale;
import java.util.Objects;

/**
 * Starts, stops or restarts one Ceph daemon through its host's service manager (systemd's units, or the lab's
 * runner), made by the agent of that host, which then follows it until Ceph shows it so: an OSD up or down in the OSD
 * map, a mon in or out of the quorum, any other daemon by its process. With {@code checkOkToStop}, Ceph's own check
 * ({@code osd ok-to-stop}, {@code mon ok-to-stop}) runs first and its refusal fails the step with Ceph's reason.
 *
 * @param host the fqdn of the daemon's host, whose agent alone can act on it
 * @param daemon as Ceph names it: {@code osd.1}, {@code mon.a}, {@code mgr.x}, {@code mds.a}, {@code client.rgw.a}
 */
public record DaemonControl(String fsid, String host, String daemon, Action action, boolean checkOkToStop) implements HostChange {
    public enum Action {
        START, STOP, RESTART;

        public boolean stops() {
            return this != START;
        }
    }

    public DaemonControl {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(daemon, "daemon");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public String describe() {
        return action.name().toLowerCase(Locale.ROOT) + " " + daemon + " on " + host
                + (checkOkToStop && action.stops() ? " once Ceph says it is ok to stop" : "");
    }
}
