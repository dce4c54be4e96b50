package io.loligo.contracts.heartbeat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The periodic report of one node-agent, fanned out to every service that subscribes.
 * It carries identity and versions, never map contents: a service that needs a map asks for it.
 *
 * @param schema the version of this record's wire form; receivers reject a schema they do not know
 * @param nodeId the agent's identity on the bus (its host's fqdn unless configured otherwise)
 * @param fqdn the host's fully qualified name
 * @param hostname the host's short name
 * @param sentAt when the agent built this heartbeat
 * @param periodSeconds how often the agent sends heartbeats: receivers judge lateness from it
 * @param bootTime when the host booted
 * @param os the host's operating system, as os-release names it
 * @param cephVersion the Ceph version of the host's daemons, or null when none answered
 * @param services the Ceph daemons found on the host
 * @param clusters the clusters the agent reached through librados (zero or one today)
 * @param interfaces the host's network interfaces with their addresses; absent from older agents
 * @param publicKey the agent's Ed25519 key (X.509, base64), whose signature the message carries; receivers trust
 *                  the heartbeat only once an administrator has accepted this key
 */
public record NodeHeartbeat(
        int schema,
        String nodeId,
        String fqdn,
        String hostname,
        Instant sentAt,
        int periodSeconds,
        Instant bootTime,
        String os,
        String cephVersion,
        List<DaemonService> services,
        List<ClusterReport> clusters,
        List<HostInterface> interfaces,
        String publicKey) {

    public static final int CURRENT_SCHEMA = 1;

    public NodeHeartbeat {
        if (schema != CURRENT_SCHEMA) {
            throw new IllegalArgumentException("unsupported heartbeat schema " + schema);
        }
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(sentAt, "sentAt");
        if (periodSeconds <= 0) {
            throw new IllegalArgumentException("periodSeconds must be positive");
        }
        services = services == null ? List.of() : List.copyOf(services);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }
}
