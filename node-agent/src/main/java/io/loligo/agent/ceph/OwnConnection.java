package io.loligo.agent.ceph;

import java.util.function.Function;

/**
 * A librados connection of one component's own, made when first needed. One whose monitors or OSDs stopped answering
 * in time is not trusted again: it is dropped, and the next use makes a new one.
 */
final class OwnConnection implements AutoCloseable {
    private final RadosSettings settings;
    private RadosHandle handle;

    OwnConnection(RadosSettings settings) {
        this.settings = settings;
    }

    /** Runs {@code work} on the connection, one use at a time. */
    synchronized <T> T use(Function<RadosHandle, T> work) {
        try {
            if (handle == null) {
                handle = RadosHandle.connected(settings);
            }
            return work.apply(handle);
        } catch (RadosException e) {
            if (e.monitorsUnreachable()) {
                close();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }
}
