package io.loligo.cluster.alert;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something a rule finds wrong now. Its labels (alertname, severity, fsid and what it is about: host, osd, pool, check)
 * identify it: the same labels at the next evaluation are the same alert, as in Prometheus and Alertmanager.
 *
 * @param summary one line of what is wrong, with the figures of now
 * @param description what an operator should do
 */
public record Condition(String name, AlertSeverity severity, SortedMap<String, String> labels, String summary, String description) {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public Condition {
        labels = new TreeMap<>(labels);
        labels.put("alertname", name);
        labels.put("severity", severity.label());
        labels = Collections.unmodifiableSortedMap(labels);
    }

    public static Condition of(String name, AlertSeverity severity, Map<String, String> labels, String summary, String description) {
        return new Condition(name, severity, new TreeMap<>(labels), summary, description);
    }

    /** The labels' fingerprint, as Alertmanager computes and shows it. */
    public String fingerprint() {
        return fingerprint(labels);
    }

    /**
     * Prometheus' label-set fingerprint, which Alertmanager shows: FNV-1a (64 bits) over each label's name and value in
     * name order, each followed by the byte 0xff, in 16 hex digits. The same labels are the same alert in Loligo and in
     * any Alertmanager it posts to.
     */
    public static String fingerprint(Map<String, String> labels) {
        long hash = FNV_OFFSET;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(add(hash, label.getKey()), label.getValue());
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return (hash ^ 0xff) * FNV_PRIME;
    }
}
