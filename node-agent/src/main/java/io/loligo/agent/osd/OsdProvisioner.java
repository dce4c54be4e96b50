package io.loligo.agent.osd;

import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Makes an OSD on one of the host's devices and wipes the device of one removed, as the host's operators do: with
 * ceph-volume, or with a command of the site's (the local lab's steps on its file-backed devices).
 */
public abstract class OsdProvisioner {
    /** A device path as lsblk or the lab lists them; no options smuggled in as a device. */
    static final Pattern DEVICE = Pattern.compile("/[\\w./+:-]+");
    static final Duration ZAP_TIMEOUT = Duration.ofMinutes(5);

    private final Duration createTimeout;

    OsdProvisioner(Duration createTimeout) {
        this.createTimeout = createTimeout;
    }

    /** @return null when the host's OSDs are made by someone else */
    public static OsdProvisioner of(AgentConfig.Osds osds) {
        return switch (osds.provisioner()) {
            case CEPH_VOLUME -> new CephVolume(osds.createTimeout());
            case COMMAND -> new Command(osds.command().orElseThrow(() -> new IllegalStateException(
                    "loligo.agent.osds.command is needed with loligo.agent.osds.provisioner=command")), osds.createTimeout());
            case NONE -> null;
        };
    }

    abstract List<String> createLine(String device, Integer osdId);

    abstract List<String> zapLine(int osd);

    /**
     * Makes the OSD: in the maps (a new id, or {@code osdId} again), its data on the device, its daemon started.
     *
     * @param stillRunning told every second how long the provisioner has run
     *
     * @throws java.io.UncheckedIOException with the tool's own words when it fails
     */
    public void create(String device, Integer osdId, Consumer<Duration> stillRunning) {
        if (!DEVICE.matcher(device).matches() || device.contains("..")) {
            throw new IllegalArgumentException("not a device path: " + device);
        }
        HostProcess.run(createLine(device, osdId), createTimeout, stillRunning).outputOrFail();
    }

    /** Wipes a stopped, destroyed or purged OSD's data and its device's label, so that the device is available again. */
    public void zap(int osd, Consumer<Duration> stillRunning) {
        HostProcess.run(zapLine(osd), ZAP_TIMEOUT, stillRunning).outputOrFail();
    }

    /** Ceph's own: an LVM volume group and logical volume on the device, made, labelled and activated. */
    static final class CephVolume extends OsdProvisioner {
        CephVolume(Duration createTimeout) {
            super(createTimeout);
        }

        @Override
        List<String> createLine(String device, Integer osdId) {
            List<String> line = new ArrayList<>(List.of("ceph-volume", "lvm", "create", "--bluestore", "--data", device));
            if (osdId != null) {
                line.addAll(List.of("--osd-id", String.valueOf(osdId)));
            }
            return line;
        }

        @Override
        List<String> zapLine(int osd) {
            return List.of("ceph-volume", "lvm", "zap", "--destroy", "--osd-id", String.valueOf(osd));
        }
    }

    /** A site's command, given {@code create DEVICE [OSD_ID]} or {@code zap OSD_ID} last. */
    static final class Command extends OsdProvisioner {
        private final List<String> command;

        Command(List<String> command, Duration createTimeout) {
            super(createTimeout);
            this.command = List.copyOf(command);
        }

        @Override
        List<String> createLine(String device, Integer osdId) {
            List<String> line = new ArrayList<>(command);
            line.add("create");
            line.add(device);
            if (osdId != null) {
                line.add(String.valueOf(osdId));
            }
            return line;
        }

        @Override
        List<String> zapLine(int osd) {
            List<String> line = new ArrayList<>(command);
            line.add("zap");
            line.add(String.valueOf(osd));
            return line;
        }
    }
}
