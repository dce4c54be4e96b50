package io.loligo.contracts.host;

import io.loligo.contracts.heartbeat.HostInterface;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * This host's fully qualified name, as {@code hostname -f} gives it, and its network interfaces. Every service names
 * hosts this way, so that the server an agent reports and the one the gateway describes carry the same name.
 */
public final class LocalHost {
    private LocalHost() {
    }

    public static String fqdn() {
        String hostname;
        try {
            hostname = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // the host's own name does not resolve; the exception still names it
            String message = e.getMessage();
            return message == null ? "localhost" : message.split(":")[0].strip();
        }
        try {
            return qualify(hostname, InetAddress.getByName(hostname).getCanonicalHostName());
        } catch (UnknownHostException e) {
            return hostname;
        }
    }

    /**
     * The interfaces that are up, with their addresses, sorted by name: receivers name the NIC behind each Ceph
     * address with them. IPv6 scope suffixes ({@code %eth0}) are dropped, as Ceph writes addresses without them.
     * Empty when the interfaces cannot be listed.
     */
    public static List<HostInterface> interfaces() {
        try {
            List<HostInterface> interfaces = new ArrayList<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp()) {
                    List<String> addresses = nic.inetAddresses().map(InetAddress::getHostAddress)
                            .map(address -> address.contains("%") ? address.substring(0, address.indexOf('%')) : address)
                            .sorted().toList();
                    interfaces.add(new HostInterface(nic.getName(), addresses));
                }
            }
            interfaces.sort(Comparator.comparing(HostInterface::name));
            return interfaces;
        } catch (SocketException e) {
            return List.of();
        }
    }

    /**
     * The resolver's canonical name when it is a qualified form of the host name, else the host name itself. A
     * reverse lookup that yields "localhost" (common where the host name maps to a loopback address) is not the
     * host's name. Pure.
     */
    public static String qualify(String hostname, String canonicalName) {
        if (hostname.contains(".") || canonicalName == null) {
            return hostname;
        }
        return canonicalName.startsWith(hostname + ".") ? canonicalName : hostname;
    }
}
