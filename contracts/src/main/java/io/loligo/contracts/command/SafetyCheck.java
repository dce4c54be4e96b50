package io.loligo.contracts.command;

import java.util.List;
import java.util.Objects;

/**
 * Asks Ceph whether some daemons may stop now without making data unavailable ({@code osd ok-to-stop},
 * {@code mon ok-to-stop}), or whether OSDs may be destroyed without losing data ({@code osd safe-to-destroy}):
 * {@code {"ok": true}} or {@code {"ok": false, "reason": "..."}} in Ceph's words. Daemons are asked about together,
 * as stopping them together is what may hurt; those of kinds without such a check are always ok.
 *
 * @param daemons as Ceph names them: {@code osd.1}, {@code mon.a}
 */
public record SafetyCheck(String fsid, List<String> daemons, Check check) implements AgentCommand {
    public enum Check { OK_TO_STOP, SAFE_TO_DESTROY }

    public SafetyCheck {
        Objects.requireNonNull(check, "check");
        daemons = List.copyOf(daemons);
        if (daemons.isEmpty()) {
            throw new IllegalArgumentException("a safety check needs daemons to ask about");
        }
    }

    public static SafetyCheck okToStop(String fsid, String daemon) {
        return new SafetyCheck(fsid, List.of(daemon), Check.OK_TO_STOP);
    }
}
