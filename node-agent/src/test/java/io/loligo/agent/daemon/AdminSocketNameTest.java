package io.loligo.agent.daemon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSocketNameTest {

    @Test
    void daemonSocketsNameClusterTypeAndId() {
        assertThat(AdminSocketName.parse("ceph-osd.12.asok")).contains(new AdminSocketName("ceph", "osd", "12"));
        assertThat(AdminSocketName.parse("ceph-mon.a.asok")).contains(new AdminSocketName("ceph", "mon", "a"));
        assertThat(AdminSocketName.parse("backup-mds.host1.a.asok")).contains(new AdminSocketName("backup", "mds", "host1.a"));
    }

    @Test
    void anRgwIsADaemonThoughItsSocketIsAClients() {
        assertThat(AdminSocketName.parse("ceph-client.rgw.a.asok")).contains(new AdminSocketName("ceph", "rgw", "a"));
        assertThat(AdminSocketName.parse("ceph-client.rgw.objects.host1.xkqzpa.7.94213.asok"))
                .contains(new AdminSocketName("ceph", "rgw", "objects.host1.xkqzpa"));
        assertThat(AdminSocketName.parse("ceph-client.rgw..asok")).isEmpty();
    }

    @Test
    void clientSocketsAndOtherFilesAreNotDaemons() {
        assertThat(AdminSocketName.parse("ceph-client.admin.4242.94213.asok")).isEmpty();
        assertThat(AdminSocketName.parse("ceph-osd.0.pid")).isEmpty();
        assertThat(AdminSocketName.parse("ceph-osd..asok")).isEmpty();
        assertThat(AdminSocketName.parse("osd.0.asok")).isEmpty();
    }
}
