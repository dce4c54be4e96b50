package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.heartbeat.HostInterface;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A server's front (public) and back (cluster) addresses in one cluster, and the interfaces that hold them, as
 * Calamari showed them: from the server's lowest-numbered OSD, or from its mon when it runs no OSD. Pure.
 */
public record ServerAddresses(String frontendAddr, String backendAddr, String frontendIface, String backendIface) {
    /** Outside a cluster, a server has no Ceph addresses to show. */
    public static final ServerAddresses NONE = new ServerAddresses(null, null, null, null);
    /**
     * @param osdIds the ids of the server's OSDs in this cluster
     * @param monNames the names of the server's mons in this cluster
     * @param osdDump the cluster's {@code osd dump}, or a missing node when none is held
     * @param quorumStatus the cluster's {@code quorum_status}, or a missing node when none is held
     */
    public static ServerAddresses of(Set<Integer> osdIds, Set<String> monNames, JsonNode osdDump, JsonNode quorumStatus,
                                     List<HostInterface> interfaces) {
        String front = null;
        String back = null;
        // Ceph lists OSDs by id
        for (JsonNode osd : osdDump.path("osds")) {
            if (osdIds.contains(osd.path("osd").asInt())) {
                front = ip(osd.path("public_addr").asText(null));
                back = ip(osd.path("cluster_addr").asText(null));
                break;
            }
        }
        if (front == null) {
            for (JsonNode mon : quorumStatus.path("monmap").path("mons")) {
                if (monNames.contains(mon.path("name").asText())) {
                    front = ip(mon.path("public_addr").asText(null));
                    break;
                }
            }
        }
        return new ServerAddresses(front, back, iface(front, interfaces), iface(back, interfaces));
    }

    /** The IP of a Ceph address ({@code 10.0.0.5:6801/1604}, {@code [fe80::1]:6789/0}). */
    static String ip(String cephAddress) {
        if (cephAddress == null || cephAddress.isBlank() || cephAddress.startsWith("-")) {
            return null;
        }
        String withoutNonce = cephAddress.contains("/") ? cephAddress.substring(0, cephAddress.indexOf('/')) : cephAddress;
        if (withoutNonce.startsWith("[")) {
            return withoutNonce.substring(1, withoutNonce.indexOf(']'));
        }
        int port = withoutNonce.lastIndexOf(':');
        return port > 0 ? withoutNonce.substring(0, port) : withoutNonce;
    }

    private static String iface(String ip, List<HostInterface> interfaces) {
        if (ip == null) {
            return null;
        }
        Optional<HostInterface> holder = interfaces.stream().filter(nic -> nic.addresses().contains(ip)).findFirst();
        return holder.map(HostInterface::name).orElse(null);
    }
}
