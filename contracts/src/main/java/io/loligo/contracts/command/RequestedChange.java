package io.loligo.contracts.command;

/**
 * One step of a request: a change an agent makes to its cluster. A request completes once every step is made and the
 * OSD map held by cluster-service shows it.
 */
public sealed interface RequestedChange extends AgentCommand permits ClusterChange, RbdChange {
    /** What the request's log says was sent, in Ceph's own terms. */
    String describe();

    /** Whether Ceph may move data once the change is in the maps (PGs remapped, objects misplaced or degraded). */
    default boolean movesData() {
        return false;
    }
}
