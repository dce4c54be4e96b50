package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterStatusTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void mapVersionsComeFromARecordedStatusReply() throws IOException {
        ClusterReport report = ClusterStatus.toReport("ceph", mapper.readTree(getClass().getResource("/ceph/status.json")));

        assertThat(report.fsid()).isEqualTo("e2f2da39-33df-4313-b190-f5212afac1dd");
        assertThat(report.name()).isEqualTo("ceph");
        assertThat(report.mapVersions()).containsEntry(ClusterMap.OSD_MAP, 20L).containsEntry(ClusterMap.MON_MAP, 1L)
                .containsEntry(ClusterMap.MON_STATUS, 3L).containsEntry(ClusterMap.FS_MAP, 1L);
    }

    @Test
    void aReplyWithoutFsidIsRefused() throws IOException {
        assertThatThrownBy(() -> ClusterStatus.toReport("ceph", mapper.readTree("{\"osdmap\":{\"epoch\":3}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
