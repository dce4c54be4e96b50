package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.DeviceView;
import io.loligo.contracts.api.HostDevicesView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On what the lab's host answered: lsblk (a virtual disk holding the root file system and the lab's file-backed OSDs,
 * and an empty zram device), ceph-volume inventory (Ceph 16.2.15) and the OSDs' metadata.
 */
class DevicesTest {
    private static final JsonNode METADATA = CephFixtures.json("host/osd-metadata.json");

    private static JsonNode read(boolean withInventory) {
        ObjectNode read = new ObjectMapper().createObjectNode();
        read.set("lsblk", CephFixtures.json("host/lsblk.json"));
        if (withInventory) {
            read.set("ceph_volume", CephFixtures.json("host/ceph-volume-inventory.json"));
            read.put("ceph_volume_read_at", "2026-12-07T03:20:00Z");
        } else {
            read.put("ceph_volume_error", "could not run ceph-volume: No such file or directory");
        }
        return read;
    }

    private static DeviceView device(HostDevicesView devices, String path) {
        return devices.devices().stream().filter(device -> device.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void cephVolumeDecidesWhatCanTakeAnOsdAndTheOsdsNameTheDevicesTheyUse() {
        HostDevicesView devices = Devices.from(read(true), METADATA, "vm");
        assertThat(devices.inventoryReadAt()).isEqualTo("2026-12-07T03:20:00Z");
        DeviceView root = device(devices, "/dev/vda");
        assertThat(root.osds()).containsExactly(0, 1, 2);
        assertThat(root.available()).isFalse();
        assertThat(root.availabilityFrom()).isEqualTo("ceph-volume");
        assertThat(root.rejectedReasons()).containsExactly("Failed to determine if device is BlueStore");
        assertThat(root.sizeBytes()).isEqualTo(256L << 30);
        assertThat(root.rotational()).isTrue();
        assertThat(root.mountpoint()).isEqualTo("/");
        assertThat(device(devices, "/dev/zram0").rejectedReasons()).containsExactly("Insufficient space (<5GB)");
        assertThat(Devices.from(read(true), METADATA, "another-host").devices()).allSatisfy(device -> assertThat(device.osds()).isEmpty());
    }

    @Test
    void withoutAnInventoryLsblkAndCephVolumesRulesDecide() {
        HostDevicesView devices = Devices.from(read(false), METADATA, "vm");
        assertThat(devices.inventoryError()).contains("ceph-volume");
        DeviceView root = device(devices, "/dev/vda");
        assertThat(root.availabilityFrom()).isEqualTo("lsblk");
        assertThat(root.available()).isFalse();
        assertThat(root.rejectedReasons()).containsExactly("Mounted", "Used by OSDs [0, 1, 2]");
        assertThat(device(devices, "/dev/zram0").rejectedReasons()).containsExactly("Insufficient space (<5GB)");
    }

    @Test
    void aDiskWithPartitionsIsNotAvailableAndItsPartitionsNameIt() throws Exception {
        // lsblk's tree for a disk with one partition holding a file system: the shape lsblk --json gives children in
        JsonNode read = new ObjectMapper().readTree("""
                {"lsblk": {"blockdevices": [
                  {"name": "sdb", "path": "/dev/sdb", "type": "disk", "size": 4000787030016, "rota": true, "ro": false, "rm": false,
                   "model": "ST4000NM0035", "serial": "ZC1234", "children": [
                     {"name": "sdb1", "path": "/dev/sdb1", "type": "part", "size": 4000785964544, "rota": true, "ro": false,
                      "rm": false, "fstype": "xfs", "mountpoint": "/srv", "pkname": "sdb"}]},
                  {"name": "sdc", "path": "/dev/sdc", "type": "disk", "size": 4000787030016, "rota": true, "ro": false, "rm": false}]}}
                """);
        List<DeviceView> devices = Devices.from(read, METADATA, "vm").devices();
        assertThat(devices).extracting(DeviceView::path).containsExactly("/dev/sdb", "/dev/sdb1", "/dev/sdc");
        assertThat(devices.get(0).rejectedReasons()).containsExactly("Has partitions");
        assertThat(devices.get(1).parent()).isEqualTo("/dev/sdb");
        assertThat(devices.get(1).available()).isNull();
        assertThat(devices.get(2).available()).isTrue();
    }

    /** The lab's spare disks, as its agent reads them: one labelled by the OSD made on it, one blank, one too small. */
    @Test
    void aFileBackedDeviceIsTakenByTheOsdWhoseBluestoreLabelIsOnIt() {
        ObjectNode read = (ObjectNode) read(false);
        read.set("files", CephFixtures.json("host/device-files.json").path("files"));
        HostDevicesView devices = Devices.from(read, METADATA, "vm");
        DeviceView used = device(devices, "/lab/devices/rec");
        assertThat(used.type()).isEqualTo("file");
        assertThat(used.osds()).containsExactly(3);
        assertThat(used.available()).isFalse();
        assertThat(used.rejectedReasons()).containsExactly("Has BlueStore device label of osd.3");
        assertThat(device(devices, "/lab/devices/blank").available()).isTrue();
        assertThat(device(devices, "/lab/devices/tiny").rejectedReasons()).containsExactly("Insufficient space (<5GB)");
    }
}
