package io.loligo.cluster.alert;

import java.util.Locale;

/**
 * Where an alert is: its condition holds but not yet for its rule's duration (pending), holds for it (firing), or held
 * and no longer does (resolved, for good: the same condition later is a new alert). A pending alert whose condition
 * goes away is dropped, as Prometheus drops it: nobody heard of it.
 */
public enum AlertState {
    PENDING, FIRING, RESOLVED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
