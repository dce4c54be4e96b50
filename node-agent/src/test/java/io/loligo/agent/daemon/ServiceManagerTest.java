package io.loligo.agent.daemon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command lines only: no systemd runs where the tests do (README, "Daemon control"). */
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
}
