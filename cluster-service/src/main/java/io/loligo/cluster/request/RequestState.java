package io.loligo.cluster.request;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's life: queued until its first command leaves, submitted while commands run and the cluster's maps
 * catch up, then complete, error or cancelled for good.
 */
public enum RequestState {
    QUEUED, SUBMITTED, COMPLETE, ERROR, CANCELLED;

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.of(
            QUEUED, Set.of(SUBMITTED, ERROR, CANCELLED),
            SUBMITTED, Set.of(SUBMITTED, COMPLETE, ERROR, CANCELLED),
            COMPLETE, Set.of(),
            ERROR, Set.of(),
            CANCELLED, Set.of());

    public boolean ended() {
        return NEXT.get(this).isEmpty();
    }

    /** @throws IllegalStateException for a move the life of a request does not have */
    public RequestState to(RequestState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalStateException("a " + apiName() + " request cannot become " + next.apiName());
        }
        return next;
    }

    /** Calamari's lower-case names. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
