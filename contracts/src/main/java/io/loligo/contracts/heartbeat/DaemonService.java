package io.loligo.contracts.heartbeat;

import java.util.Objects;

/**
 * A Ceph daemon found on a host through its admin socket.
 *
 * @param cluster the cluster name in the socket's file name
 * @param fsid the daemon's cluster fsid, or null when the daemon did not answer
 * @param type mon, mgr, osd, mds or rgw
 * @param id the daemon id within its type ("a", "0", ...)
 * @param running whether the daemon answered on its admin socket
 * @param version the Ceph version the daemon reported, or null when it did not answer
 */
public record DaemonService(String cluster, String fsid, String type, String id, boolean running, String version) {
    public DaemonService {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
