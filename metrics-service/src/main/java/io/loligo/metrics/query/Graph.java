package io.loligo.metrics.query;

import io.loligo.contracts.metrics.Measurement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graphs the UI draws, each a values query on one measurement with the subject's tags filled in. Counters are
 * graphed as their rate.
 */
public enum Graph {
    CLUSTER_IOPS(Subject.CLUSTER, "iops", Measurement.CLUSTER, List.of("read_ops", "write_ops")),
    CLUSTER_THROUGHPUT(Subject.CLUSTER, "throughput", Measurement.CLUSTER, List.of("read_bytes", "write_bytes")),
    CLUSTER_CAPACITY(Subject.CLUSTER, "capacity", Measurement.CLUSTER, List.of("total_bytes", "used_bytes", "avail_bytes")),
    CLUSTER_OBJECTS(Subject.CLUSTER, "objects", Measurement.CLUSTER, List.of("objects")),
    CLUSTER_PGS(Subject.CLUSTER, "pgs", Measurement.CLUSTER_PGS, List.of("count")),
    /** Requests each RGW of the cluster served, one series per daemon. */
    CLUSTER_RGW_REQUESTS(Subject.CLUSTER, "rgw_requests", Measurement.PERF, List.of("value"), Map.of("counter", "rgw.req")),
    /** Client requests each MDS of the cluster handled, one series per daemon. */
    CLUSTER_MDS_REQUESTS(Subject.CLUSTER, "mds_requests", Measurement.PERF, List.of("value"), Map.of("counter", "mds.request")),
    POOL_IOPS(Subject.POOL, "iops", Measurement.POOL, List.of("read_ops", "write_ops")),
    POOL_THROUGHPUT(Subject.POOL, "throughput", Measurement.POOL, List.of("read_bytes", "write_bytes")),
    POOL_USAGE(Subject.POOL, "usage", Measurement.POOL, List.of("stored_bytes", "used_bytes", "objects", "percent_used")),
    OSD_LATENCY(Subject.OSD, "latency", Measurement.OSD, List.of("commit_latency_ms", "apply_latency_ms")),
    OSD_UTILIZATION(Subject.OSD, "utilization", Measurement.OSD, List.of("utilization", "pgs")),
    HOST_CPU(Subject.HOST, "cpu", Measurement.CPU, List.of("user", "system", "iowait", "steal", "idle"), Map.of("cpu", "total")),
    HOST_MEMORY(Subject.HOST, "memory", Measurement.MEMORY, List.of("total", "available", "free", "buffers", "cached")),
    HOST_LOAD(Subject.HOST, "load", Measurement.LOAD, List.of("load1", "load5", "load15")),
    HOST_DISK(Subject.HOST, "disk", Measurement.DISK, List.of("read_bytes", "write_bytes", "reads", "writes")),
    HOST_NETWORK(Subject.HOST, "network", Measurement.NETWORK, List.of("rx_bytes", "tx_bytes", "rx_errors", "tx_errors")),
    HOST_FILESYSTEM(Subject.HOST, "filesystem", Measurement.FILESYSTEM, List.of("size", "used", "free"));

    /** What a graph is about, and the tags that name it. */
    public enum Subject {
        CLUSTER(List.of("fsid")), POOL(List.of("fsid", "pool")), OSD(List.of("fsid", "osd")), HOST(List.of("host"));

        private final List<String> tags;

        Subject(List<String> tags) {
            this.tags = tags;
        }
    }

    private final Subject subject;
    private final String name;
    private final Measurement measurement;
    private final List<String> fields;
    private final Map<String, String> fixedTags;

    Graph(Subject subject, String name, Measurement measurement, List<String> fields) {
        this(subject, name, measurement, fields, Map.of());
    }

    Graph(Subject subject, String name, Measurement measurement, List<String> fields, Map<String, String> fixedTags) {
        this.subject = subject;
        this.name = name;
        this.measurement = measurement;
        this.fields = fields;
        this.fixedTags = fixedTags;
    }

    public static Optional<Graph> find(Subject subject, String name) {
        for (Graph graph : values()) {
            if (graph.subject == subject && graph.name.equals(name)) {
                return Optional.of(graph);
            }
        }
        return Optional.empty();
    }

    /** The graphs of a subject, by name, for the error that names an unknown one. */
    public static List<String> names(Subject subject) {
        return Arrays.stream(values()).filter(graph -> graph.subject == subject).map(graph -> graph.name).toList();
    }

    public Measurement measurement() {
        return measurement;
    }

    public List<String> fields() {
        return fields;
    }

    public boolean rate() {
        return measurement.kind() == Measurement.Kind.COUNTER;
    }

    /** The tag filters, {@code key:value}, for the subject's identity in the order of {@link Subject}'s tags. */
    public List<String> tagFilters(List<String> subjectValues) {
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < subject.tags.size(); i++) {
            filters.add(subject.tags.get(i) + ":" + subjectValues.get(i));
        }
        fixedTags.forEach((tag, value) -> filters.add(tag + ":" + value));
        return filters;
    }
}
