package io.loligo.cluster.request;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's life: queued until its first command leaves, submitted while commands run and the cluster's maps
 * catch up, then complete, error or cancelled for good. Unknown when Loligo cannot tell what Ceph did (no answer in
 * time, or a map that has not caught up): it has ended as far as the cluster's queue goes, and turns complete or
 * error if the answer or the map arrives after all.
 */
public enum RequestState {
    QUEUED, SUBMITTED, COMPLETE, ERROR, CANCELLED, UNKNOWN;

    private static final Map<RequestState, Set<RequestState>> NEXT = Map.of(
            QUEUED, Set.of(SUBMITTED, ERROR, CANCELLED),
            SUBMITTED, Set.of(SUBMITTED, COMPLETE, ERROR, CANCELLED, UNKNOWN),
            UNKNOWN, Set.of(COMPLETE, ERROR),
            COMPLETE, Set.of(),
            ERROR, Set.of(),
            CANCELLED, Set.of());

    /** Whether the request no longer holds up its cluster's queue. */
    public boolean ended() {
        return this != QUEUED && this != SUBMITTED;
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
