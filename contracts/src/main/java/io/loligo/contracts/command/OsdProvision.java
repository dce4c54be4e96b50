package io.loligo.contracts.command;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A new OSD on one of a host's devices, made as its host's provisioner makes them ({@code ceph-volume lvm create} on
 * production hosts, the lab's own steps on a file-backed device), given a device class and a CRUSH location where
 * asked, and followed until Ceph shows it up and in.
 *
 * @param osdId a destroyed OSD's id to take again (its replacement), or null for a new id
 * @param deviceClass null for the class Ceph detects (hdd, ssd)
 * @param crushLocation CRUSH bucket type to bucket name ({@code {"host": "node-2", "rack": "r1"}}); empty to leave
 *                      the OSD where it places itself (under its host)
 */
public record OsdProvision(String fsid, String host, String device, Integer osdId, String deviceClass,
                           Map<String, String> crushLocation) implements HostChange {
    /** A CRUSH bucket type, bucket name or device class as Ceph takes them. */
    public static final Pattern CRUSH_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public OsdProvision {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(device, "device");
        crushLocation = crushLocation == null ? Map.of() : Map.copyOf(crushLocation);
        if (osdId != null && osdId < 0) {
            throw new IllegalArgumentException("osdId must not be negative");
        }
        if (deviceClass != null && !CRUSH_NAME.matcher(deviceClass).matches()) {
            throw new IllegalArgumentException("not a device class: " + deviceClass);
        }
        crushLocation.forEach((type, name) -> {
            if (!CRUSH_NAME.matcher(type).matches() || !CRUSH_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a CRUSH location: " + type + "=" + name);
            }
        });
    }

    @Override
    public String describe() {
        return "create " + (osdId == null ? "an OSD" : "osd." + osdId + " again") + " on " + device + " of " + host
                + (deviceClass == null ? "" : ", class " + deviceClass)
                + (crushLocation.isEmpty() ? "" : ", at " + crushLocation);
    }

    /** A new OSD takes its share of the data. */
    @Override
    public boolean movesData() {
        return true;
    }
}
