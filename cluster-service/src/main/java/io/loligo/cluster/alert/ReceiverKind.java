package io.loligo.cluster.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a receiver's notifications go. */
public enum ReceiverKind {
    /** A Prometheus Alertmanager, through its v2 API: it groups, routes and notifies as its own configuration says. */
    ALERTMANAGER,
    /** Any HTTP endpoint that takes Alertmanager's webhook JSON, so that receivers made for Alertmanager work as they are. */
    WEBHOOK,
    /** A mailbox ({@code mailto:} URL), through the SMTP server {@code quarkus.mailer} names. */
    EMAIL;

    /**
     * Whether Loligo groups the alerts it sends at once, by alert name and cluster, as Alertmanager would: an
     * Alertmanager groups them itself, as its configuration says.
     */
    public boolean groupedHere() {
        return this != ALERTMANAGER;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReceiverKind> of(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }
}
