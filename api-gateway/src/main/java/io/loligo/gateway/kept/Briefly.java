package io.loligo.gateway.kept;

import io.loligo.contracts.api.KeptBriefly;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

/**
 * Keeps {@link KeptBriefly} reads until the live stream says their cluster changed, and a second at most before one
 * read brings them anew.
 */
@Provider
@KeptBriefly
public class Briefly extends KeptReadFilter {
    static final Duration LONGEST_KEPT = Duration.ofSeconds(1);

    @Override
    Duration longestKept() {
        return LONGEST_KEPT;
    }
}
