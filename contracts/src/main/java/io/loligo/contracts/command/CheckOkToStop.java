package io.loligo.contracts.command;

import java.util.Objects;

/**
 * Asks Ceph whether a daemon may stop now without making data unavailable ({@code osd ok-to-stop},
 * {@code mon ok-to-stop}): {@code {"ok": true}} or {@code {"ok": false, "reason": "..."}} in Ceph's words. Daemons of
 * other kinds are always ok to stop.
 */
public record CheckOkToStop(String fsid, String daemon) implements AgentCommand {
    public CheckOkToStop {
        Objects.requireNonNull(daemon, "daemon");
    }
}
