package io.loligo.cluster.server;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServerChangesTest {
    private static final Instant BOOT = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void aLaterBootTimeIsARebootButDriftIsNot() {
        assertThat(ServerChanges.between("s1", BOOT, BOOT.plusSeconds(2), "16.2.15", "16.2.15")).isEmpty();
        assertThat(ServerChanges.between("s1", BOOT, BOOT.plusSeconds(3600), "16.2.15", "16.2.15"))
                .singleElement().satisfies(e -> {
                    assertThat(e.severity()).isEqualTo(Severity.WARNING);
                    assertThat(e.message()).startsWith("Server s1 rebooted");
                    assertThat(e.fqdn()).isEqualTo("s1");
                });
    }

    @Test
    void aCephUpgradeIsNamed() {
        assertThat(ServerChanges.between("s1", BOOT, BOOT, "16.2.14", "16.2.15")).extracting(Event::message)
                .containsExactly("Ceph on server s1 changed from version 16.2.14 to 16.2.15");
        assertThat(ServerChanges.between("s1", BOOT, BOOT, null, "16.2.15")).isEmpty();
        assertThat(ServerChanges.between("s1", null, BOOT, "16.2.15", null)).isEmpty();
    }
}
