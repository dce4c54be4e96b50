package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What to do with one Ceph daemon.
 *
 * @param action {@code start}, {@code stop} or {@code restart}
 * @param override the daemon's name, typed, to stop it although Ceph's ok-to-stop check refuses; recorded in the
 *                 audit log with the request
 */
public record DaemonForm(
        @JsonProperty("action") String action,
        @JsonProperty("override") String override) {
}
