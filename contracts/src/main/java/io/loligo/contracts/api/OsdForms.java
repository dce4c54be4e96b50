package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** What an operator sends to make, replace and remove OSDs and to take hosts into maintenance. */
public final class OsdForms {
    private OsdForms() {
    }

    /**
     * A new OSD on one of a host's available devices, or a destroyed OSD's replacement.
     *
     * @param device the device's path, as the host's device listing gives it
     * @param deviceClass the CRUSH device class to give it (hdd, ssd, nvme or a site's own); null for Ceph's guess
     * @param crushLocation bucket type to bucket name ({@code {"rack": "r1", "host": "node-2"}}); under
     *                      {@code root=default} unless a root is named; null to leave it under its host
     * @param osdId a destroyed OSD's id, to replace it; null for a new id
     */
    public record Create(
            @JsonProperty("device") String device,
            @JsonProperty("device_class") String deviceClass,
            @JsonProperty("crush_location") Map<String, String> crushLocation,
            @JsonProperty("osd_id") Integer osdId) {
    }

    /**
     * An OSD destroyed or purged.
     *
     * @param confirm the OSD's name ({@code osd.3}), typed: required
     * @param override the OSD's name again, to go on although Ceph says it is not safe to destroy; recorded in the
     *                 audit log with the request
     */
    public record Removal(
            @JsonProperty("confirm") String confirm,
            @JsonProperty("override") String override) {
    }

    /**
     * A host into or out of maintenance.
     *
     * @param action {@code enter} or {@code exit}
     * @param override the host's fqdn, typed, to enter although Ceph says its OSDs should not stop now
     */
    public record Maintenance(
            @JsonProperty("action") String action,
            @JsonProperty("override") String override) {
    }
}
