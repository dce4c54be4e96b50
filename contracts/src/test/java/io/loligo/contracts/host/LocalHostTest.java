package io.loligo.contracts.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalHostTest {

    @Test
    void theFqdnIsTheQualifiedHostNameNeverLocalhost() {
        assertThat(LocalHost.qualify("ceph1", "ceph1.lab.example.com")).isEqualTo("ceph1.lab.example.com");
        assertThat(LocalHost.qualify("vm", "localhost")).isEqualTo("vm");
        assertThat(LocalHost.qualify("ceph1.lab.example.com", "localhost")).isEqualTo("ceph1.lab.example.com");
        assertThat(LocalHost.qualify("ceph1", "ceph10.lab.example.com")).isEqualTo("ceph1");
    }
}
