package io.loligo.cluster.server;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.contracts.heartbeat.HostInterface;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses from a real Pacific cluster's {@code osd dump} and {@code quorum_status}. */
class ServerAddressesTest {
    private final List<HostInterface> interfaces = List.of(new HostInterface("eth0", List.of("10.1.0.7")),
            new HostInterface("lo", List.of("127.0.0.1", "::1")));

    @Test
    void anOsdServerShowsItsLowestOsdsPublicAndClusterAddresses() {
        JsonNode dump = CephFixtures.json("osd-dump.json");
        String publicAddr = dump.path("osds").path(1).path("public_addr").asText();
        String clusterAddr = dump.path("osds").path(1).path("cluster_addr").asText();

        ServerAddresses addresses = ServerAddresses.of(Set.of(2, 1), Set.of("a"), dump, CephFixtures.json("quorum-status.json"), interfaces);

        assertThat(addresses.frontendAddr()).isEqualTo(publicAddr.substring(0, publicAddr.lastIndexOf(':')));
        assertThat(addresses.backendAddr()).isEqualTo(clusterAddr.substring(0, clusterAddr.lastIndexOf(':')));
        assertThat(addresses.frontendIface()).isEqualTo("lo");
        assertThat(addresses.backendIface()).isEqualTo("lo");
    }

    @Test
    void aMonOnlyServerShowsItsMonsAddressAndNoBackend() {
        ServerAddresses addresses = ServerAddresses.of(Set.of(), Set.of("a"), MissingNode.getInstance(),
                CephFixtures.json("quorum-status.json"), List.of());

        assertThat(addresses).isEqualTo(new ServerAddresses("127.0.0.1", null, null, null));
    }

    @Test
    void ipv6AndNonceFormsAreUnderstood() {
        assertThat(ServerAddresses.ip("[fe80::1]:6789/0")).isEqualTo("fe80::1");
        assertThat(ServerAddresses.ip("10.0.0.5:6801/1604")).isEqualTo("10.0.0.5");
        assertThat(ServerAddresses.ip("-")).isNull();
    }
}
