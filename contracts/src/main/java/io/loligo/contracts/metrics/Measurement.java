package io.loligo.contracts.metrics;

import java.util.List;
import java.util.Optional;

/**
 * Every series Loligo keeps, by InfluxDB measurement: its tags and fields, and whether its fields are gauges or
 * ever-growing counters. Agents write only these, and metrics-service answers queries only for these, so a typo
 * on either side is an error rather than an empty graph. Every point carries its measurement's first field, so
 * counting that field counts the points.
 */
public enum Measurement {
    /** Share of time, in percent over the last interval, per CPU and for all ({@code cpu=total}). */
    CPU("cpu", Kind.GAUGE, List.of("host", "cpu"), List.of("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")),
    /** Bytes, from /proc/meminfo. */
    MEMORY("memory", Kind.GAUGE, List.of("host"), List.of("total", "free", "available", "buffers", "cached", "active")),
    LOAD("load", Kind.GAUGE, List.of("host"), List.of("load1", "load5", "load15")),
    /** Totals since boot, from /proc/diskstats. */
    DISK("disk", Kind.COUNTER, List.of("host", "device"),
            List.of("read_bytes", "write_bytes", "reads", "writes", "read_time_ms", "write_time_ms", "io_time_ms")),
    /** Totals since boot, from /proc/net/dev. */
    NETWORK("network", Kind.COUNTER, List.of("host", "interface"),
            List.of("rx_bytes", "tx_bytes", "rx_packets", "tx_packets", "rx_errors", "tx_errors", "rx_drop", "tx_drop")),
    /** Bytes of each mounted filesystem that holds data on a device. */
    FILESYSTEM("filesystem", Kind.GAUGE, List.of("host", "mount"), List.of("size", "used", "free")),
    /**
     * A Ceph daemon's perf counter, read from its admin socket: its total since the daemon started, or for a
     * long-running average the sum of seconds ({@code value}) and how many were summed ({@code count}); with the
     * daemon's cluster, which the agent learns from its admin socket.
     */
    PERF("perf", Kind.COUNTER, List.of("host", "daemon", "counter", "fsid"), List.of("value", "count")),
    /** Client I/O per second and space in bytes, as the mons report them. */
    CLUSTER("cluster", Kind.GAUGE, List.of("fsid"), List.of("read_ops", "write_ops", "read_bytes", "write_bytes",
            "total_bytes", "used_bytes", "avail_bytes", "objects")),
    /** How many PGs are in each state combination, such as {@code active+clean}. */
    CLUSTER_PGS("cluster_pgs", Kind.GAUGE, List.of("fsid", "state"), List.of("count")),
    /** Client I/O per second and use of one pool, by pool id. */
    POOL("pool", Kind.GAUGE, List.of("fsid", "pool"), List.of("read_ops", "write_ops", "read_bytes", "write_bytes",
            "stored_bytes", "used_bytes", "objects", "percent_used")),
    /** Use in percent and bytes, PG count and latency in milliseconds of one OSD. */
    OSD("osd", Kind.GAUGE, List.of("fsid", "osd"), List.of("utilization", "used_bytes", "total_bytes", "pgs",
            "commit_latency_ms", "apply_latency_ms"));

    /** How a field's values behave over time: a counter only grows, and is graphed as its rate. */
    public enum Kind { GAUGE, COUNTER }

    private final String influxName;
    private final Kind kind;
    private final List<String> tags;
    private final List<String> fields;

    Measurement(String influxName, Kind kind, List<String> tags, List<String> fields) {
        this.influxName = influxName;
        this.kind = kind;
        this.tags = tags;
        this.fields = fields;
    }

    public String influxName() {
        return influxName;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> tags() {
        return tags;
    }

    public List<String> fields() {
        return fields;
    }

    /** The field every point has. */
    public String presentField() {
        return fields.get(0);
    }

    /** Series of this measurement describe one host, not a cluster: every agent writes its own. */
    public boolean perHost() {
        return tags.contains("host");
    }

    public static Optional<Measurement> named(String influxName) {
        for (Measurement measurement : values()) {
            if (measurement.influxName.equals(influxName)) {
                return Optional.of(measurement);
            }
        }
        return Optional.empty();
    }
}
