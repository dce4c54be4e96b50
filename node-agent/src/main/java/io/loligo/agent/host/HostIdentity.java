package io.loligo.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.HostInterface;
import io.loligo.contracts.host.HostGrains;
import io.loligo.contracts.host.LocalHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Who this host is: names, boot time, operating system, interfaces, and the rest of what Salt called its grains. */
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
        return HostFacts.operatingSystem(osRelease()).orElse(null);
    }

    /** The host in the names of Salt's grains, for Calamari's clients; read when asked for. */
    public ObjectNode grains() {
        return new HostGrains(fqdn, osRelease(), files.read("proc/sys/kernel/osrelease"), files.read("proc/cpuinfo"),
                files.read("proc/meminfo"), System.getProperty("os.arch"), interfaces()).grains();
    }

    private String osRelease() {
        String osRelease = files.read("etc/os-release");
        return osRelease.isEmpty() ? files.read("usr/lib/os-release") : osRelease;
    }

    /** The interfaces that are up, with their addresses: receivers name the NIC behind each Ceph address with them. */
    public List<HostInterface> interfaces() {
        return LocalHost.interfaces();
    }
}
