package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.DeviceView;
import io.loligo.contracts.api.HostDevicesView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A host's block devices from what its agent read (lsblk's tree, and ceph-volume's inventory where the host has one),
 * with the OSDs that use each, as the OSDs' own metadata names their devices. Pure.
 */
public final class Devices {
    /** ceph-volume's own floor for a new OSD's device. */
    static final long SMALLEST_FOR_AN_OSD = 5L << 30;

    private Devices() {
    }

    /**
     * @param read the agent's answer: {@code lsblk} and, when known, {@code ceph_volume}
     * @param osdMetadata {@code osd metadata} of the cluster the host serves, every host's (missing when none)
     * @param hostname the host's name as its OSDs report it
     */
    public static HostDevicesView from(JsonNode read, JsonNode osdMetadata, String hostname) {
        Map<String, List<Integer>> osdsByDevice = osdsByDevice(osdMetadata, hostname);
        Map<String, JsonNode> inventory = new HashMap<>();
        read.path("ceph_volume").forEach(device -> inventory.put(device.path("path").asText(), device));
        List<DeviceView> devices = new ArrayList<>();
        read.path("lsblk").path("blockdevices").forEach(device -> walk(device, null, osdsByDevice, inventory, devices));
        read.path("files").forEach(file -> devices.add(fileBacked(file)));
        return new HostDevicesView(List.copyOf(devices), read.path("ceph_volume_read_at").asText(null), read.path("ceph_volume_error").asText(null));
    }

    private static void walk(JsonNode device, String parent, Map<String, List<Integer>> osdsByDevice, Map<String, JsonNode> inventory,
                             List<DeviceView> devices) {
        String name = device.path("name").asText();
        String path = device.path("path").asText("/dev/" + name);
        List<Integer> osds = osdsByDevice.getOrDefault(name, List.of());
        JsonNode children = device.path("children");
        JsonNode decided = inventory.get(path);
        Boolean available;
        List<String> reasons = new ArrayList<>();
        String from;
        if (decided != null) {
            from = "ceph-volume";
            available = decided.path("available").asBoolean();
            decided.path("rejected_reasons").forEach(reason -> reasons.add(reason.asText()));
        } else if ("disk".equals(device.path("type").asText())) {
            from = "lsblk";
            reasons.addAll(rejections(device, children.size(), osds));
            available = reasons.isEmpty();
        } else {
            // a partition or a volume takes no OSD of its own here: the disk it is on says what can
            from = null;
            available = null;
        }
        devices.add(new DeviceView(path, name, device.path("type").asText(null), device.path("size").asLong(),
                device.path("rota").isBoolean() ? device.path("rota").asBoolean() : null, device.path("ro").asBoolean(),
                device.path("rm").asBoolean(), text(device, "model"), text(device, "serial"), text(device, "vendor"), text(device, "tran"),
                text(device, "mountpoint"), text(device, "fstype"), parent, osds, available, List.copyOf(reasons), from));
        children.forEach(child -> walk(child, path, osdsByDevice, inventory, devices));
    }

    /**
     * A file-backed device (the lab's spare disks): in use when an OSD's bluestore label is on it, whose {@code whoami}
     * names the OSD, as ceph-volume rejects a labelled device.
     */
    private static DeviceView fileBacked(JsonNode file) {
        String path = file.path("path").asText();
        long size = file.path("size").asLong();
        JsonNode label = file.path("label");
        List<Integer> osds = label.path("whoami").asText().matches("\\d+")
                ? List.of(label.path("whoami").asInt()) : List.of();
        List<String> reasons = new ArrayList<>();
        if (size < SMALLEST_FOR_AN_OSD) {
            reasons.add("Insufficient space (<5GB)");
        }
        if (!label.isMissingNode()) {
            reasons.add("Has BlueStore device label" + (osds.isEmpty() ? "" : " of osd." + osds.get(0)));
        }
        return new DeviceView(path, path.substring(path.lastIndexOf('/') + 1), "file", size, null, false, false, "file-backed",
                null, null, null, null, null, null, osds, reasons.isEmpty(), List.copyOf(reasons), "bluestore-label");
    }

    /** Why a disk could not take a new OSD, by ceph-volume's main rules, in its words. */
    private static List<String> rejections(JsonNode disk, int children, List<Integer> osds) {
        List<String> reasons = new ArrayList<>();
        if (disk.path("size").asLong() < SMALLEST_FOR_AN_OSD) {
            reasons.add("Insufficient space (<5GB)");
        }
        if (disk.path("ro").asBoolean()) {
            reasons.add("Read-only device");
        }
        if (disk.path("rm").asBoolean()) {
            reasons.add("removable");
        }
        if (children > 0) {
            reasons.add("Has partitions");
        }
        if (text(disk, "fstype") != null) {
            reasons.add("Has a FileSystem");
        }
        if (text(disk, "mountpoint") != null) {
            reasons.add("Mounted");
        }
        if (!osds.isEmpty()) {
            reasons.add("Used by OSDs " + osds);
        }
        return reasons;
    }

    /** Each device name the host's OSDs list in their metadata ({@code devices}: "sdb" or "sdb,sdc"), with those OSDs. */
    private static Map<String, List<Integer>> osdsByDevice(JsonNode osdMetadata, String hostname) {
        Map<String, TreeSet<Integer>> found = new HashMap<>();
        for (JsonNode osd : osdMetadata) {
            if (!hostname.equals(osd.path("hostname").asText())) {
                continue;
            }
            for (String device : osd.path("devices").asText("").split(",")) {
                if (!device.isBlank()) {
                    found.computeIfAbsent(device.strip(), key -> new TreeSet<>()).add(osd.path("id").asInt());
                }
            }
        }
        Map<String, List<Integer>> osds = new HashMap<>();
        found.forEach((device, ids) -> osds.put(device, List.copyOf(ids)));
        return osds;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
