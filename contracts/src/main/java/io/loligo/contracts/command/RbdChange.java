package io.loligo.contracts.command;

import java.util.List;

/**
 * A change to RBD images, made by an agent through librbd rather than a mon command. The long ones (flatten, copy,
 * rollback, removal) report their progress while they run.
 */
public sealed interface RbdChange extends RequestedChange permits CreateImage, ImageChange, CopyImage {
    @Override
    default boolean runsLong() {
        return true;
    }

    /** The id of the pool whose image changes. */
    int pool();

    /** The ids of the pools whose images the change may change. */
    default List<Integer> pools() {
        return List.of(pool());
    }
}
