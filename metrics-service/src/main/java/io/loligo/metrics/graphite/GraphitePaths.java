package io.loligo.metrics.graphite;

import io.loligo.contracts.metrics.Measurement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Graphite paths Calamari's Diamond collectors wrote and its UI graphed, each mapped to the series Loligo keeps.
 * A path segment in braces is a tag's value, written as Graphite wrote it: host names with their dots as
 * underscores, mount points with their slashes as underscores and {@code /} as {@code root}. Pure.
 */
final class GraphitePaths {
    private static final double KILOBYTE = 1024;
    private static final List<Mapping> MAPPINGS = mappings();

    /**
     * One path pattern and what answers it.
     *
     * @param fields summed when there are several, as {@code iops} is reads plus writes; for an interval average,
     *               the sum and the count, divided
     * @param rate whether the fields are counters graphed as their per-second rate, as Diamond sent them
     * @param divisor what the stored value is divided by, for paths in kilobytes
     * @param fixedTags tags the path names by its literal segments, such as the perf counter
     */
    record Mapping(List<String> segments, Measurement measurement, List<String> fields, boolean rate, double divisor,
                   Combine combine, Map<String, String> fixedTags) {
    }

    /** How a path's fields make one value. */
    enum Combine {
        SUM,
        /**
         * Diamond's {@code last_interval_avg} of a long-running average: the growth of its sum over the growth of its
         * count in each step, such as the mean latency of the operations of that step.
         */
        INTERVAL_AVERAGE
    }

    /** A path resolved: the mapping and, for each tag, the segment that names it (possibly {@code *}). */
    record Match(Mapping mapping, Map<String, String> tagSegments) {
    }

    private GraphitePaths() {
    }

    static Optional<Match> match(String path) {
        String[] segments = path.split("\\.", -1);
        for (Mapping mapping : MAPPINGS) {
            if (mapping.segments().size() != segments.length) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String pattern = mapping.segments().get(i);
                if (isTag(pattern)) {
                    tags.put(pattern.substring(1, pattern.length() - 1), segments[i]);
                } else {
                    matches = pattern.equals(segments[i]);
                }
            }
            if (matches) {
                return Optional.of(new Match(mapping, tags));
            }
        }
        return Optional.empty();
    }

    /** The next segments below a prefix, for {@code /metrics/find}: literals, or the tags whose values stand there. */
    static List<Child> children(List<String> prefix) {
        List<Child> children = new ArrayList<>();
        for (Mapping mapping : MAPPINGS) {
            if (mapping.segments().size() <= prefix.size()) {
                continue;
            }
            boolean matches = true;
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 0; i < prefix.size() && matches; i++) {
                String pattern = mapping.segments().get(i);
                if (isTag(pattern)) {
                    tags.put(pattern.substring(1, pattern.length() - 1), prefix.get(i));
                } else {
                    matches = pattern.equals(prefix.get(i)) || prefix.get(i).equals("*");
                }
            }
            if (matches) {
                String next = mapping.segments().get(prefix.size());
                boolean leaf = mapping.segments().size() == prefix.size() + 1;
                children.add(new Child(mapping, isTag(next) ? next.substring(1, next.length() - 1) : null, next, tags, leaf));
            }
        }
        return children;
    }

    /**
     * @param tag the tag whose values stand at this place, or null for the literal {@code segment}
     * @param tagSegments the tags the prefix names
     */
    record Child(Mapping mapping, String tag, String segment, Map<String, String> tagSegments, boolean leaf) {
    }

    /** A tag's value as Graphite wrote it in a path. */
    static String encode(String tag, String value) {
        return switch (tag) {
            case "host" -> value.replace('.', '_');
            case "mount" -> value.equals("/") ? "root" : value.replace('/', '_');
            // Diamond's CephCollector named daemons osd-0
            case "daemon" -> value.replace('.', '-');
            default -> value;
        };
    }

    /**
     * The tags a query can filter on, from the segments that name them: those whose value is written as stored and
     * is not a glob. The others are matched against each series the query answers.
     */
    static Map<String, String> queryable(Map<String, String> tagSegments) {
        Map<String, String> filters = new LinkedHashMap<>();
        tagSegments.forEach((tag, segment) -> {
            boolean storedAsWritten = !tag.equals("host") && !tag.equals("mount") && !tag.equals("daemon");
            if (storedAsWritten && !segment.contains("*")) {
                filters.put(tag, segment);
            }
        });
        return filters;
    }

    private static boolean isTag(String segment) {
        return segment.startsWith("{");
    }

    private static List<Mapping> mappings() {
        List<Mapping> mappings = new ArrayList<>();
        for (String scope : List.of("all", "{pool}")) {
            Measurement measurement = scope.equals("all") ? Measurement.CLUSTER : Measurement.POOL;
            String prefix = "ceph.cluster.{fsid}.pool." + scope + ".";
            add(mappings, prefix + "num_read", measurement, "read_ops");
            add(mappings, prefix + "num_write", measurement, "write_ops");
            mappings.add(mapping(prefix + "num_read_kb", measurement, List.of("read_bytes"), false, KILOBYTE));
            mappings.add(mapping(prefix + "num_write_kb", measurement, List.of("write_bytes"), false, KILOBYTE));
            add(mappings, prefix + "num_objects", measurement, "objects");
            add(mappings, prefix + "num_bytes", measurement, scope.equals("all") ? "used_bytes" : "stored_bytes");
        }
        String df = "ceph.cluster.{fsid}.df.";
        add(mappings, df + "total_bytes", Measurement.CLUSTER, "total_bytes");
        add(mappings, df + "total_used_bytes", Measurement.CLUSTER, "used_bytes");
        add(mappings, df + "total_avail_bytes", Measurement.CLUSTER, "avail_bytes");
        mappings.add(mapping(df + "total_space", Measurement.CLUSTER, List.of("total_bytes"), false, KILOBYTE));
        mappings.add(mapping(df + "total_used", Measurement.CLUSTER, List.of("used_bytes"), false, KILOBYTE));
        mappings.add(mapping(df + "total_avail", Measurement.CLUSTER, List.of("avail_bytes"), false, KILOBYTE));
        for (String field : Measurement.CPU.fields()) {
            add(mappings, "servers.{host}.cpu.{cpu}." + field, Measurement.CPU, field);
        }
        Map<String, String> load = Map.of("01", "load1", "05", "load5", "15", "load15");
        load.forEach((minutes, field) -> add(mappings, "servers.{host}.loadavg." + minutes, Measurement.LOAD, field));
        Map<String, String> memory = Map.of("MemTotal", "total", "MemFree", "free", "MemAvailable", "available", "Buffers", "buffers",
                "Cached", "cached", "Active", "active");
        memory.forEach((name, field) -> add(mappings, "servers.{host}.memory." + name, Measurement.MEMORY, field));
        String iostat = "servers.{host}.iostat.{device}.";
        mappings.add(mapping(iostat + "read_byte_per_second", Measurement.DISK, List.of("read_bytes"), true, 1));
        mappings.add(mapping(iostat + "write_byte_per_second", Measurement.DISK, List.of("write_bytes"), true, 1));
        mappings.add(mapping(iostat + "reads_per_second", Measurement.DISK, List.of("reads"), true, 1));
        mappings.add(mapping(iostat + "writes_per_second", Measurement.DISK, List.of("writes"), true, 1));
        mappings.add(mapping(iostat + "iops", Measurement.DISK, List.of("reads", "writes"), true, 1));
        for (String direction : List.of("rx", "tx")) {
            String network = "servers.{host}.network.{interface}." + direction + "_";
            mappings.add(mapping(network + "byte", Measurement.NETWORK, List.of(direction + "_bytes"), true, 1));
            for (String counter : List.of("packets", "errors", "drop")) {
                mappings.add(mapping(network + counter, Measurement.NETWORK, List.of(direction + "_" + counter), true, 1));
            }
        }
        String diskspace = "servers.{host}.diskspace.{mount}.";
        add(mappings, diskspace + "byte_free", Measurement.FILESYSTEM, "free");
        add(mappings, diskspace + "byte_used", Measurement.FILESYSTEM, "used");
        add(mappings, diskspace + "byte_total", Measurement.FILESYSTEM, "size");
        for (String latency : List.of("op_r_latency", "op_w_latency", "op_rw_latency")) {
            String pattern = "servers.{host}.CephCollector.ceph.{daemon}.osd." + latency + ".last_interval_avg";
            mappings.add(new Mapping(List.of(pattern.split("\\.")), Measurement.PERF, List.of("value", "count"), true, 1,
                    Combine.INTERVAL_AVERAGE,
                    Map.of("counter", "osd." + latency)));
        }
        return List.copyOf(mappings);
    }

    private static void add(List<Mapping> mappings, String pattern, Measurement measurement, String field) {
        mappings.add(mapping(pattern, measurement, List.of(field), false, 1));
    }

    private static Mapping mapping(String pattern, Measurement measurement, List<String> fields, boolean rate, double divisor) {
        return new Mapping(List.of(pattern.split("\\.")), measurement, fields, rate, divisor, Combine.SUM, Map.of());
    }
}
