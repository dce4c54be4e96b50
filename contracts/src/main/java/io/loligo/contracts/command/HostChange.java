package io.loligo.contracts.command;

/**
 * A change only the agent of one host can make: through its service manager, or on its devices. Requests send it to
 * that agent, and it runs aside there, as it waits for Ceph to show it made.
 */
public sealed interface HostChange extends RequestedChange permits DaemonControl, OsdProvision, OsdRemoval {
    /** The fqdn of the host whose agent makes the change. */
    String host();

    @Override
    default boolean runsLong() {
        return true;
    }
}
