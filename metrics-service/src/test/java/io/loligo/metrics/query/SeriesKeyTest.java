package io.loligo.metrics.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesKeyTest {
    @Test
    void tagsComeOutUnescaped() {
        assertThat(SeriesKey.tags("filesystem,host=vm,mount=/var/lib/ceph\\ data\\,1")).isEqualTo(
                Map.of("host", "vm", "mount", "/var/lib/ceph data,1"));
    }
}
