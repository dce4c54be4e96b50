package io.loligo.agent.osd;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OsdProvisionerTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Test
    void cephVolumeMakesAndZapsAsItsOwnCommandsDo() {
        OsdProvisioner cephVolume = new OsdProvisioner.CephVolume(TIMEOUT);
        assertThat(cephVolume.createLine("/dev/sdc", null)).containsExactly("ceph-volume", "lvm", "create", "--bluestore", "--data", "/dev/sdc");
        assertThat(cephVolume.createLine("/dev/sdc", 3)).endsWith("--osd-id", "3");
        assertThat(cephVolume.zapLine(3)).containsExactly("ceph-volume", "lvm", "zap", "--destroy", "--osd-id", "3");
    }

    @Test
    void aSitesCommandGetsTheVerbDeviceAndIdLast() {
        OsdProvisioner lab = new OsdProvisioner.Command(List.of("dev/loligo", "ceph-osd", "tests"), TIMEOUT);
        assertThat(lab.createLine("/lab/devices/a", 3)).containsExactly("dev/loligo", "ceph-osd", "tests", "create", "/lab/devices/a", "3");
        assertThat(lab.zapLine(3)).containsExactly("dev/loligo", "ceph-osd", "tests", "zap", "3");
    }

    @Test
    void nothingButADevicePathReachesTheTool() {
        OsdProvisioner lab = new OsdProvisioner.Command(List.of("true"), TIMEOUT);
        for (String device : List.of("--help", "sdc", "/dev/sdc; rm -rf /", "/lab/../etc/passwd")) {
            assertThatThrownBy(() -> lab.create(device, null, elapsed -> { })).as(device).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
