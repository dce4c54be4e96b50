package io.loligo.cluster.server;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a server's new heartbeat says happened to it since the previous one. Pure. */
public final class ServerChanges {
    /** Boot times read from /proc drift by a second or so; Calamari's threshold for a real reboot. */
    static final Duration REBOOT_THRESHOLD = Duration.ofSeconds(10);

    private ServerChanges() {
    }

    public static List<Event> between(String fqdn, Instant bootBefore, Instant bootNow, String versionBefore, String versionNow) {
        List<Event> events = new ArrayList<>();
        if (bootBefore != null && bootNow != null && bootNow.isAfter(bootBefore.plus(REBOOT_THRESHOLD))) {
            events.add(Event.server(Severity.WARNING, fqdn, "Server " + fqdn + " rebooted (up since " + bootNow + ")"));
        }
        if (versionBefore != null && versionNow != null && !Objects.equals(versionBefore, versionNow)) {
            events.add(Event.server(Severity.INFO, fqdn,
                    "Ceph on server " + fqdn + " changed from version " + versionBefore + " to " + versionNow));
        }
        return events;
    }
}
