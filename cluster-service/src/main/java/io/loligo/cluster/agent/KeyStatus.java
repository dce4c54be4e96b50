package io.loligo.cluster.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an agent's key stands. Only a key heard of and not yet decided is decided. */
public enum KeyStatus {
    PRE, ACCEPTED, REJECTED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A decision a client may ask for: accepted or rejected. */
    static Optional<KeyStatus> decision(String name) {
        return Arrays.stream(new KeyStatus[]{ACCEPTED, REJECTED}).filter(status -> status.apiName().equals(name)).findFirst();
    }

    /** Whether a key with this status may become {@code next}: once decided, a key is deleted to be decided again. */
    boolean mayBecome(KeyStatus next) {
        return this == PRE || this == next;
    }
}
