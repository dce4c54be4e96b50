package io.loligo.agent.daemon;

import io.loligo.agent.config.AgentConfig;

import io.loligo.agent.host.HostProcess;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Starts and stops the host's Ceph daemons as its operators do: through systemd's units, or through a command of the
 * site's (the local lab's runner). Each call runs one process and waits for it.
 */
public abstract class ServiceManager {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Ceph's daemon names: osd.1, mon.a, mgr.x, mds.a, client.rgw.a. */
    static final Pattern DAEMON = Pattern.compile("(osd|mon|mgr|mds)\\.[\\w.-]+|client\\.rgw\\.[\\w.-]+");

    public enum Verb { START, STOP, STATUS }

    public static ServiceManager of(AgentConfig.Services services) {
        return switch (services.manager()) {
            case SYSTEMD -> new Systemd();
            case COMMAND -> new Command(services.command().orElseThrow(() -> new IllegalStateException(
                    "loligo.agent.services.command is needed with loligo.agent.services.manager=command")));
            case NONE -> null;
        };
    }

    /** The command line that does {@code verb} to {@code daemon}. */
    abstract List<String> commandLine(Verb verb, String daemon);

    /** Starts or stops the daemon; an {@link UncheckedIOException} says why the manager could not. */
    public void act(Verb verb, String daemon, Consumer<Duration> stillRunning) {
        HostProcess.run(commandLine(verb, daemon), TIMEOUT, stillRunning).outputOrFail();
    }

    public boolean running(String daemon) {
        return HostProcess.run(commandLine(Verb.STATUS, daemon), TIMEOUT).succeeded();
    }

    static void requireDaemonName(String daemon) {
        if (!DAEMON.matcher(daemon).matches()) {
            throw new IllegalArgumentException("not a Ceph daemon's name: " + daemon);
        }
    }

    /** The units of Ceph's packages: {@code ceph-osd@1}, {@code ceph-mon@a}, {@code ceph-radosgw@rgw.a}. */
    static final class Systemd extends ServiceManager {
        private final String systemctl;

        Systemd() {
            this("systemctl");
        }

        /** @param systemctl the tool's path: a stand-in for tests, where no systemd runs */
        Systemd(String systemctl) {
            this.systemctl = systemctl;
        }

        @Override
        List<String> commandLine(Verb verb, String daemon) {
            String unit = unitOf(daemon);
            return verb == Verb.STATUS ? List.of(systemctl, "is-active", "--quiet", unit)
                    : List.of(systemctl, verb.name().toLowerCase(Locale.ROOT), unit);
        }

        static String unitOf(String daemon) {
            requireDaemonName(daemon);
            if (daemon.startsWith("client.rgw.")) {
                return "ceph-radosgw@" + daemon.substring("client.".length()) + ".service";
            }
            int dot = daemon.indexOf('.');
            return "ceph-" + daemon.substring(0, dot) + "@" + daemon.substring(dot + 1) + ".service";
        }
    }

    /** A site's command, given the verb and the daemon's name last. */
    static final class Command extends ServiceManager {
        private final List<String> command;

        Command(List<String> command) {
            this.command = List.copyOf(command);
        }

        @Override
        List<String> commandLine(Verb verb, String daemon) {
            requireDaemonName(daemon);
            List<String> line = new ArrayList<>(command);
            line.add(verb.name().toLowerCase(Locale.ROOT));
            line.add(daemon);
            return line;
        }
    }
}
