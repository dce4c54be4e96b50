package io.loligo.agent.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.DaemonService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Daemons that accept on their admin socket but never answer, and sockets left behind by dead daemons. */
class HungDaemonTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path runDir;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final ConcurrentLinkedQueue<Long> firstAcceptNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SocketChannel> held = new ConcurrentLinkedQueue<>();

    @AfterEach
    void closeAll() throws IOException {
        for (ServerSocketChannel server : servers) {
            server.close();
        }
        for (SocketChannel channel : held) {
            channel.close();
        }
    }

    /** Listens like a daemon, accepts, and never replies. */
    private void hungDaemon(String fileName) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(runDir.resolve(fileName)));
        servers.add(server);
        Thread thread = new Thread(() -> {
            boolean first = true;
            while (server.isOpen()) {
                try {
                    SocketChannel channel = server.accept();
                    if (first) {
                        firstAcceptNanos.add(System.nanoTime());
                        first = false;
                    }
                    held.add(channel);
                } catch (IOException closed) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Test
    void silent_and_dead_daemons_are_reported_as_stopped_and_inspected_side_by_side() throws IOException {
        hungDaemon("ceph-osd.7.asok");
        hungDaemon("ceph-osd.8.asok");
        hungDaemon("ceph-osd.9.asok");
        Files.createFile(runDir.resolve("ceph-osd.10.asok"));

        List<DaemonService> services = new DaemonDiscovery(config(runDir), new ObjectMapper()).discover();

        assertThat(services).extracting(DaemonService::id).containsExactly("7", "8", "9", "10");
        assertThat(services).allSatisfy(s -> {
            assertThat(s.running()).isFalse();
            assertThat(s.fsid()).isNull();
        });
        // one after another, each daemon would have been reached a full timeout after the previous one
        long spread = firstAcceptNanos.stream().mapToLong(Long::longValue).max().orElseThrow()
                - firstAcceptNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(firstAcceptNanos).hasSize(3);
        assertThat(Duration.ofNanos(spread)).isLessThan(TIMEOUT.dividedBy(2));
    }

    private static AgentConfig config(Path runDir) {
        AgentConfig.Ceph ceph = new AgentConfig.Ceph() {
            public Path conf() { return runDir.resolve("absent.conf"); }
            public Optional<Path> keyring() { return Optional.empty(); }
            public String user() { return "admin"; }
            public String clusterName() { return "ceph"; }
            public Optional<Path> runDir() { return Optional.of(runDir); }
            public Duration connectTimeout() { return TIMEOUT; }
            public Duration operationTimeout() { return TIMEOUT; }
            public Duration adminSocketTimeout() { return TIMEOUT; }
        };
        return new AgentConfig() {
            public String nodeId() { return "test-node"; }
            public Duration heartbeatPeriod() { return Duration.ofSeconds(5); }
            public Duration clusterPollInterval() { return Duration.ofMillis(500); }
            public Path hostRoot() { return Path.of("/"); }
            public Optional<Path> stateDir() { return Optional.empty(); }
            public BrokerLogin brokerLogin() { return BrokerLogin.CONFIGURED; }
            public String crushtool() { return "crushtool"; }
            public String osdmaptool() { return "osdmaptool"; }
            public String cephCommonLibrary() { return DEBIAN_CEPH_COMMON; }
            public String cephVolume() { return "ceph-volume"; }
            public Services services() { return null; }
            public Osds osds() { return null; }
            public Ceph ceph() { return ceph; }
            public Metrics metrics() { return null; }
            public Logs logs() { return null; }
            public Cli cli() { return null; }
        };
    }
}
