package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.host.HostGrains;
import io.loligo.contracts.host.LocalHost;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The grains of the host the gateway runs on, which Calamari's {@code /grains} described for its own host. */
@ApplicationScoped
public class LocalGrains {

    public ObjectNode read() {
        return new HostGrains(LocalHost.fqdn(), text("/etc/os-release"), text("/proc/sys/kernel/osrelease"), text("/proc/cpuinfo"),
                text("/proc/meminfo"), System.getProperty("os.arch"), LocalHost.interfaces()).grains();
    }

    /** A file's text, or empty where the host has no such file (outside Linux, or in a bare container). */
    private static String text(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException unreadable) {
            return "";
        }
    }
}
