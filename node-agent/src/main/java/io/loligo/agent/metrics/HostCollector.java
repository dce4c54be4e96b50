package io.loligo.agent.metrics;

import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.daemon.DaemonDiscovery;
import io.loligo.agent.host.HostFiles;
import io.loligo.agent.host.HostIdentity;
import io.loligo.contracts.metrics.LineProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the host's series from its /proc and /sys, and its daemons' perf counters from their admin sockets. */
@ApplicationScoped
public class HostCollector {
    private final HostMetrics metrics = new HostMetrics();

    @Inject
    HostFiles files;
    @Inject
    HostIdentity identity;
    @Inject
    DaemonDiscovery daemons;
    @Inject
    AgentConfig config;

    synchronized void collect(LineProtocol out, long at) {
        String host = identity.fqdn();
        metrics.cpu(out, host, files.read("proc/stat"), at);
        HostMetrics.memory(out, host, files.read("proc/meminfo"), at);
        HostMetrics.load(out, host, files.read("proc/loadavg"), at);
        HostMetrics.disks(out, host, files.read("proc/diskstats"), blockDevices(), at);
        HostMetrics.network(out, host, files.read("proc/net/dev"), at);
        HostMetrics.filesystems(out, host, files.read("proc/mounts"), this::space, at);
        PerfCounters.write(out, host, daemons.perfDumps(), daemons::fsidOf, config.metrics().perfCounters(), at);
    }

    private Set<String> blockDevices() {
        try (Stream<Path> devices = Files.list(files.path("sys/block"))) {
            return devices.map(device -> device.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Size, used and free bytes, as df counts them: used is what is not free to anyone. */
    private double[] space(String mount) {
        File root = files.path(mount.substring(1)).toFile();
        long size = root.getTotalSpace();
        if (size == 0) {
            return null;
        }
        return new double[]{size, size - root.getFreeSpace(), root.getUsableSpace()};
    }
}
