package io.loligo.cluster.alert;

import java.util.Locale;

/** An alert's severity, as its {@code severity} label says it (Prometheus' and Ceph's alert sets use these words). */
public enum AlertSeverity {
    CRITICAL, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
