package io.loligo.agent.ceph;

import io.loligo.agent.config.AgentConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach a cluster through librados.
 *
 * @param clusterName the {@code $cluster} name ("ceph" unless the cluster was named otherwise)
 * @param user the cephx client id, without "client."
 * @param confFile the cluster's ceph.conf
 * @param keyring the client's keyring; when empty, librados looks where ceph.conf says
 * @param connectTimeout bounds rados_connect, which otherwise blocks for 300 s when no mon answers
 * @param operationTimeout bounds each mon and osd command, which otherwise block forever
 */
public record RadosSettings(String clusterName, String user, Path confFile, Optional<Path> keyring,
                            Duration connectTimeout, Duration operationTimeout) {

    public static RadosSettings from(AgentConfig.Ceph ceph) {
        return new RadosSettings(ceph.clusterName(), ceph.user(), ceph.conf(), ceph.keyring(),
                ceph.connectTimeout(), ceph.operationTimeout());
    }
}
