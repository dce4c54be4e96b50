package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A host's block devices, read from its agent now.
 *
 * @param inventoryReadAt when ceph-volume last took the host's inventory (the agent keeps it for minutes: it probes
 *                        every device); null when it has none
 * @param inventoryError why there is no inventory, or why the last one failed; availability then follows lsblk
 */
public record HostDevicesView(
        @JsonProperty("devices") List<DeviceView> devices,
        @JsonProperty("inventory_read_at") String inventoryReadAt,
        @JsonProperty("inventory_error") String inventoryError) {
}
