package io.loligo.agent.ceph;

/** A command the mgr serves, not sent or not answered because no mgr answers now; the mons may well be fine. */
public class MgrUnavailableException extends RuntimeException {
    public MgrUnavailableException(String command, String reason) {
        super("'" + command + "' needs the mgr: " + reason);
    }
}
