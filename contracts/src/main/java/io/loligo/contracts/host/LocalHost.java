package io.loligo.contracts.host;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This host's fully qualified name, as {@code hostname -f} gives it. Every service names hosts this way, so that the
 * server an agent reports and the one the gateway describes carry the same name.
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
