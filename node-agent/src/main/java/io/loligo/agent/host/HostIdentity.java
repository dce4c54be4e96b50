package io.loligo.agent.host;

import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.HostInterface;
import io.loligo.contracts.host.LocalHost;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Who this host is: names, boot time and operating system. */
@ApplicationScoped
public class HostIdentity {
    private final AgentConfig config;
    private final HostFiles files;
    private final String fqdn;
    private final String hostname;

    @Inject
    public HostIdentity(AgentConfig config, HostFiles files) {
        this.config = config;
        this.files = files;
        this.fqdn = LocalHost.fqdn();
        int dot = fqdn.indexOf('.');
        this.hostname = dot > 0 ? fqdn.substring(0, dot) : fqdn;
    }

    public String fqdn() {
        return fqdn;
    }

    public String hostname() {
        return hostname;
    }

    public String nodeId() {
        return config.nodeId();
    }

    /** Read at every heartbeat: a reboot changes it, and receivers detect reboots from it. */
    public Instant bootTime() {
        return HostFacts.bootTime(files.read("proc/stat")).orElse(null);
    }

    public String operatingSystem() {
        String osRelease = files.read("etc/os-release");
        return HostFacts.operatingSystem(osRelease.isEmpty() ? files.read("usr/lib/os-release") : osRelease).orElse(null);
    }

    /**
     * The interfaces that are up, with their addresses: receivers name the NIC behind each Ceph address with them.
     * IPv6 scope suffixes ({@code %eth0}) are dropped, as Ceph writes addresses without them.
     */
    public List<HostInterface> interfaces() {
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
            Log.debugf("cannot list the network interfaces: %s", e.getMessage());
            return List.of();
        }
    }
}
