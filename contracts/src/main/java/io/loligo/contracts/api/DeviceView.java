package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One block device of a host, as lsblk shows it, with what Ceph makes of it.
 *
 * @param type lsblk's: disk, part, lvm, loop, rom and so on; {@code file} for a file-backed device (the lab's)
 * @param parent the device a partition or volume is on; null for a disk
 * @param osds the OSDs on this host whose metadata names the device among theirs
 * @param available whether Ceph would put a new OSD on it; null when nothing said
 * @param rejectedReasons why not, in ceph-volume's words where it answered
 * @param availabilityFrom {@code ceph-volume} when its inventory decided, {@code lsblk} when Loligo applied its rules to
 *                         lsblk's view (no inventory on the host),
 *                         {@code bluestore-label} for a file-backed device, taken unless blank
 */
public record DeviceView(
        @JsonProperty("path") String path,
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("size_bytes") long sizeBytes,
        @JsonProperty("rotational") Boolean rotational,
        @JsonProperty("read_only") boolean readOnly,
        @JsonProperty("removable") boolean removable,
        @JsonProperty("model") String model,
        @JsonProperty("serial") String serial,
        @JsonProperty("vendor") String vendor,
        @JsonProperty("transport") String transport,
        @JsonProperty("mountpoint") String mountpoint,
        @JsonProperty("fstype") String fstype,
        @JsonProperty("parent") String parent,
        @JsonProperty("osds") List<Integer> osds,
        @JsonProperty("available") Boolean available,
        @JsonProperty("rejected_reasons") List<String> rejectedReasons,
        @JsonProperty("availability_from") String availabilityFrom) {
}
