package io.loligo.agent.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HostFactsTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = HostFactsTest.class.getResourceAsStream("/host/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bootTimeComesFromBtime() throws IOException {
        assertThat(HostFacts.bootTime(fixture("proc-stat"))).contains(Instant.ofEpochSecond(1795652200L));
        assertThat(HostFacts.bootTime("cpu 1 2 3\n")).isEmpty();
    }

    @Test
    void operatingSystemIsThePrettyName() throws IOException {
        assertThat(HostFacts.operatingSystem(fixture("os-release"))).contains("Debian GNU/Linux 12 (bookworm)");
        assertThat(HostFacts.operatingSystem("NAME='Alpine Linux'\nVERSION=3.20\n")).contains("Alpine Linux 3.20");
        assertThat(HostFacts.operatingSystem("")).isEmpty();
    }
}
