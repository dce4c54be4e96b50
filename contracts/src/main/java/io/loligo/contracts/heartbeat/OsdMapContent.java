package io.loligo.contracts.heartbeat;

import java.util.Set;

/** What the {@link ClusterMap#OSD_MAP} sync object carries besides Ceph's own dumps. */
public final class OsdMapContent {
    /**
     * The fields of {@code osd metadata} kept for each OSD: what describes it to an operator (where it runs, on
     * what, with which Ceph). Ceph gives some sixty; the rest would double the map's size at 10,000 OSDs.
     */
    public static final Set<String> METADATA_FIELDS = Set.of("id", "hostname", "ceph_version_short", "osd_objectstore",
            "osd_data", "osd_journal", "bluestore_bdev_path", "bluestore_bdev_devices", "bluestore_bdev_type",
            "bluestore_bdev_size", "backend_filestore_partition_path", "devices", "device_ids", "default_device_class",
            "rotational", "front_addr", "back_addr", "front_iface", "back_iface", "arch", "distro_description",
            "kernel_version", "mem_total_kb", "cpu");

    private OsdMapContent() {
    }
}
