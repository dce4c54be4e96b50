package io.loligo.contracts.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.heartbeat.HostInterface;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Grains from a Debian 12 host's recorded /proc/cpuinfo (two processors), /proc/meminfo and /etc/os-release. */
class HostGrainsTest {

    @Test
    void aHostIsDescribedInTheGrainsCalamarisClientsRead() throws IOException {
        JsonNode grains = new HostGrains("store1.example.com", read("os-release"), "6.1.0-28-amd64\n", read("cpuinfo"), read("meminfo"),
                "amd64", List.of(new HostInterface("eth0", List.of("10.0.0.5", "fe80::1")), new HostInterface("lo", List.of("127.0.0.1"))))
                .grains();

        assertThat(grains.path("host").asText()).isEqualTo("store1");
        assertThat(grains.path("fqdn").asText()).isEqualTo("store1.example.com");
        assertThat(grains.path("lsb_distrib_description").asText()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(grains.path("os").asText()).isEqualTo("Debian");
        assertThat(grains.path("kernelrelease").asText()).isEqualTo("6.1.0-28-amd64");
        assertThat(grains.path("osarch").asText()).isEqualTo("amd64");
        assertThat(grains.path("cpuarch").asText()).isEqualTo("x86_64");
        assertThat(grains.path("num_cpus").asInt()).isEqualTo(2);
        assertThat(grains.path("cpu_model").asText()).isEqualTo("Intel(R) Xeon(R) Processor");
        assertThat(grains.path("cpu_flags").size()).isGreaterThan(10);
        assertThat(grains.path("mem_total").asLong()).isEqualTo(24731408 / 1024);
        assertThat(grains.path("ip_interfaces").path("eth0").toString()).isEqualTo("[\"10.0.0.5\",\"fe80::1\"]");
        assertThat(grains.path("ipv4").toString()).isEqualTo("[\"10.0.0.5\",\"127.0.0.1\"]");
        assertThat(grains.path("ipv6").toString()).isEqualTo("[\"fe80::1\"]");
    }

    @Test
    void aHostWithoutItsFilesIsStillDescribed() {
        JsonNode grains = new HostGrains("bare", "", "", "", "", "aarch64", List.of()).grains();
        assertThat(grains.path("num_cpus").asInt()).isZero();
        assertThat(grains.path("mem_total").asInt()).isZero();
        assertThat(grains.path("lsb_distrib_description").asText()).isEqualTo("Linux");
        assertThat(grains.path("cpuarch").asText()).isEqualTo("aarch64");
    }

    private static String read(String name) throws IOException {
        try (InputStream in = HostGrainsTest.class.getResourceAsStream("/host/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
