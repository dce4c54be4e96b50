package io.loligo.agent.metrics;

import io.loligo.contracts.metrics.LineProtocol;
import io.loligo.contracts.metrics.Measurement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The host's series from the text of /proc files. CPU shares need two readings, so the last one is kept. Pure apart
 * from that memory: the caller reads the files.
 */
final class HostMetrics {
    private static final List<String> CPU_FIELDS = Measurement.CPU.fields();
    private static final int SECTOR_BYTES = 512;
    /** Virtual block devices that are not storage. */
    private static final List<String> SKIPPED_DEVICE_PREFIXES = List.of("loop", "ram", "zram", "dm-");
    /** The /proc/meminfo keys, in kB, behind each memory field. */
    private static final Set<String> DATA_FILESYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "zfs", "vfat", "f2fs", "jfs");
    private static final Map<String, String> MEMINFO_KEYS = Map.of("MemTotal", "total", "MemFree", "free", "MemAvailable", "available",
            "Buffers", "buffers", "Cached", "cached", "Active", "active");

    private Map<String, long[]> lastCpuTimes = Map.of();

    /** Shares since the previous reading; the first reading only sets the baseline. */
    void cpu(LineProtocol out, String host, String procStat, long at) {
        Map<String, long[]> times = cpuTimes(procStat);
        times.forEach((cpu, now) -> {
            long[] before = lastCpuTimes.get(cpu);
            if (before == null) {
                return;
            }
            long total = 0;
            for (int i = 0; i < now.length; i++) {
                total += now[i] - before[i];
            }
            if (total <= 0) {
                return;
            }
            Map<String, Double> shares = new LinkedHashMap<>();
            for (int i = 0; i < now.length; i++) {
                shares.put(CPU_FIELDS.get(i), 100.0 * (now[i] - before[i]) / total);
            }
            out.add(Measurement.CPU, Map.of("host", host, "cpu", cpu.equals("cpu") ? "total" : cpu), shares, at);
        });
        lastCpuTimes = times;
    }

    static void memory(LineProtocol out, String host, String meminfo, long at) {
        Map<String, Double> fields = new LinkedHashMap<>();
        for (String line : meminfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && MEMINFO_KEYS.containsKey(line.substring(0, colon))) {
                String kilobytes = line.substring(colon + 1).trim().split("\\s+")[0];
                fields.put(MEMINFO_KEYS.get(line.substring(0, colon)), Double.parseDouble(kilobytes) * 1024);
            }
        }
        out.add(Measurement.MEMORY, Map.of("host", host), fields, at);
    }

    static void load(LineProtocol out, String host, String loadavg, long at) {
        String[] parts = loadavg.trim().split("\\s+");
        if (parts.length < 3) {
            return;
        }
        out.add(Measurement.LOAD, Map.of("host", host), inOrder(Measurement.LOAD.fields(), Double.parseDouble(parts[0]),
                Double.parseDouble(parts[1]), Double.parseDouble(parts[2])), at);
    }

    /** @param blockDevices the whole disks, as /sys/block lists them: partitions are counted in their disk */
    static void disks(LineProtocol out, String host, String diskstats, Set<String> blockDevices, long at) {
        for (String line : diskstats.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 14 || !blockDevices.contains(f[2]) || SKIPPED_DEVICE_PREFIXES.stream().anyMatch(f[2]::startsWith)) {
                continue;
            }
            Map<String, Double> fields = new LinkedHashMap<>();
            fields.put("reads", Double.parseDouble(f[3]));
            fields.put("read_bytes", Double.parseDouble(f[5]) * SECTOR_BYTES);
            fields.put("read_time_ms", Double.parseDouble(f[6]));
            fields.put("writes", Double.parseDouble(f[7]));
            fields.put("write_bytes", Double.parseDouble(f[9]) * SECTOR_BYTES);
            fields.put("write_time_ms", Double.parseDouble(f[10]));
            fields.put("io_time_ms", Double.parseDouble(f[12]));
            out.add(Measurement.DISK, Map.of("host", host, "device", f[2]), fields, at);
        }
    }

    /**
     * Space of the mounted filesystems that hold data on a device (xfs, ext4, ...), not of the kernel's own
     * (proc, tmpfs, overlay, ...).
     *
     * @param space the size, used and free bytes of a mount point, or null when it cannot be read
     */
    static void filesystems(LineProtocol out, String host, String mounts, Function<String, double[]> space, long at) {
        Set<String> seen = new HashSet<>();
        for (String line : mounts.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || !f[0].startsWith("/dev/") || !DATA_FILESYSTEMS.contains(f[2]) || !seen.add(f[1])) {
                continue;
            }
            // /proc/mounts writes a space in a path as \040
            String mount = f[1].replace("\\040", " ");
            double[] sizeUsedFree = space.apply(mount);
            if (sizeUsedFree != null) {
                out.add(Measurement.FILESYSTEM, Map.of("host", host, "mount", mount),
                        inOrder(Measurement.FILESYSTEM.fields(), sizeUsedFree), at);
            }
        }
    }

    static void network(LineProtocol out, String host, String netDev, long at) {
        for (String line : netDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (f.length < 16) {
                continue;
            }
            Map<String, Double> fields = new LinkedHashMap<>();
            fields.put("rx_bytes", Double.parseDouble(f[0]));
            fields.put("rx_packets", Double.parseDouble(f[1]));
            fields.put("rx_errors", Double.parseDouble(f[2]));
            fields.put("rx_drop", Double.parseDouble(f[3]));
            fields.put("tx_bytes", Double.parseDouble(f[8]));
            fields.put("tx_packets", Double.parseDouble(f[9]));
            fields.put("tx_errors", Double.parseDouble(f[10]));
            fields.put("tx_drop", Double.parseDouble(f[11]));
            out.add(Measurement.NETWORK, Map.of("host", host, "interface", line.substring(0, colon).trim()), fields, at);
        }
    }

    /** Values for the given fields, in their order. */
    private static Map<String, Double> inOrder(List<String> fields, double... values) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            ordered.put(fields.get(i), values[i]);
        }
        return ordered;
    }

    /** Jiffies per CPU line of /proc/stat, in the order of {@link Measurement#CPU}'s fields. */
    static Map<String, long[]> cpuTimes(String procStat) {
        Map<String, long[]> times = new HashMap<>();
        for (String line : procStat.split("\n")) {
            if (!line.startsWith("cpu")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            long[] values = new long[CPU_FIELDS.size()];
            for (int i = 0; i < values.length && i + 1 < f.length; i++) {
                values[i] = Long.parseLong(f[i + 1]);
            }
            times.put(f[0], values);
        }
        return times;
    }
}
