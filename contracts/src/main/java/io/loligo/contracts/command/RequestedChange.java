package io.loligo.contracts.command;

/**
 * One step of a request: a change an agent makes to its cluster. A request completes once every step is made and the
 * OSD map held by cluster-service shows it.
 */
public sealed interface RequestedChange extends AgentCommand permits ClusterChange, RbdChange, SubvolumeClone, HostChange, OsdDrain {
    /** What the request's log says was sent, in Ceph's own terms. */
    String describe();

    /**
     * Whether the change may run for long: the agent takes it at once and makes it aside, reporting its progress,
     * rather than holding its other commands up.
     */
    default boolean runsLong() {
        return false;
    }

    /** Whether Ceph may move data once the change is in the maps (PGs remapped, objects misplaced or degraded). */
    default boolean movesData() {
        return false;
    }
}
