package io.loligo.gateway.kept;

import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.kept.KeptAnswers;
import jakarta.ws.rs.ext.Provider;

import java.time.Duration;

/** Keeps {@link KeptUntilChanged} reads until the live stream says their cluster changed. */
@Provider
@KeptUntilChanged
public class UntilChanged extends KeptReadFilter {
    @Override
    Duration longestKept() {
        return KeptAnswers.LONGEST_KEPT;
    }
}
