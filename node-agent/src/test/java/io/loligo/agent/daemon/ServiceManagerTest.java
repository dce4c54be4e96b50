package io.loligo.agent.daemon;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command lines, and the systemd backend against a stand-in systemctl that answers as systemd 252's does: no
 * systemd runs where the tests do (README, "Daemon control").
 */
class ServiceManagerTest {
    @Test
    void cephsPackagedUnitsAreNamedAfterTheDaemon() {
        assertThat(ServiceManager.Systemd.unitOf("osd.12")).isEqualTo("ceph-osd@12.service");
        assertThat(ServiceManager.Systemd.unitOf("mon.node1")).isEqualTo("ceph-mon@node1.service");
        assertThat(ServiceManager.Systemd.unitOf("client.rgw.node1.rgw0")).isEqualTo("ceph-radosgw@rgw.node1.rgw0.service");
        ServiceManager systemd = new ServiceManager.Systemd();
        assertThat(systemd.commandLine(ServiceManager.Verb.STOP, "mds.a")).containsExactly("systemctl", "stop", "ceph-mds@a.service");
        assertThat(systemd.commandLine(ServiceManager.Verb.STATUS, "mgr.x")).containsExactly("systemctl", "is-active", "--quiet", "ceph-mgr@x.service");
    }

    @Test
    void aSitesCommandGetsTheVerbAndTheDaemonLastAndNothingButADaemonsName() {
        ServiceManager command = new ServiceManager.Command(List.of("/srv/lab/dev/loligo", "ceph-daemon", "platform"));
        assertThat(command.commandLine(ServiceManager.Verb.START, "osd.1"))
                .containsExactly("/srv/lab/dev/loligo", "ceph-daemon", "platform", "start", "osd.1");
        assertThatThrownBy(() -> command.commandLine(ServiceManager.Verb.STOP, "osd.1; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceManager.Systemd.unitOf("../../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemdsAnswersDecideWhetherADaemonRunsAndWhyAStopFailed() throws Exception {
        Path stand = Path.of(ServiceManagerTest.class.getResource("/systemd/systemctl").toURI());
        Path log = Files.createTempFile("systemctl", ".log");
        Path wrapper = Files.createTempFile("systemctl", ".sh");
        try {
            // the stand-in writes each call to the log its environment names: a script of its own sets it
            Files.writeString(wrapper, "#!/bin/sh\nSYSTEMCTL_LOG=" + log + " exec sh " + stand + " \"$@\"\n");
            assertThat(wrapper.toFile().setExecutable(true)).isTrue();
            ServiceManager systemd = new ServiceManager.Systemd(wrapper.toString());
            assertThat(systemd.running("osd.1")).isTrue();
            assertThat(systemd.running("osd.2")).isFalse();
            systemd.act(ServiceManager.Verb.START, "osd.2", elapsed -> { });
            assertThatThrownBy(() -> systemd.act(ServiceManager.Verb.STOP, "osd.9", elapsed -> { }))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("Unit ceph-osd@9.service not found");
            assertThat(Files.readAllLines(log)).containsExactly("is-active --quiet ceph-osd@1.service",
                    "is-active --quiet ceph-osd@2.service", "start ceph-osd@2.service", "stop ceph-osd@9.service");
        } finally {
            Files.deleteIfExists(wrapper);
            Files.deleteIfExists(log);
        }
    }
}
