package io.loligo.cluster.event;

import java.util.Objects;

/**
 * An event about to be recorded: what happened, how bad it is, and what it concerns (any of these may be null).
 */
public record Event(Severity severity, String message, String fsid, String fqdn, String serviceType, String serviceId) {
    public Event {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Event cluster(Severity severity, String fsid, String message) {
        return new Event(severity, message, fsid, null, null, null);
    }

    public static Event service(Severity severity, String fsid, String type, String id, String message) {
        return new Event(severity, message, fsid, null, type, id);
    }

    public static Event server(Severity severity, String fqdn, String message) {
        return new Event(severity, message, null, fqdn, null, null);
    }
}
