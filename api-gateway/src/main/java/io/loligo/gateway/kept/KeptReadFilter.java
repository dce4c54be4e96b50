package io.loligo.gateway.kept;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * Answers a kept read from {@link KeptReads} while its answer is kept; otherwise lets it through with a
 * {@link KeptReads.Ticket}, which {@link ConditionalReads} uses to keep the answer. Runs after the caller's login
 * and role were checked, like every request filter bound to an endpoint. Each way of keeping binds a subclass to its
 * annotation: {@link UntilChanged}, {@link Briefly}.
 */
abstract class KeptReadFilter implements ContainerRequestFilter {
    static final String TICKET = "loligo.kept.ticket";

    @Inject
    KeptReads reads;

    /** @return how long an answer may be kept at most, changes or none */
    abstract Duration longestKept();

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        String fsid = request.getUriInfo().getPathParameters().getFirst("fsid");
        String scope = fsid == null ? KeptReads.ALL_CLUSTERS : fsid;
        // the whole URI: Calamari's pages link to themselves absolutely, so the host the caller named shapes the answer
        String key = request.getUriInfo().getRequestUri() + "\n" + request.getHeaderString(HttpHeaders.ACCEPT);
        KeptReads.Representation kept = reads.kept(scope, key);
        if (kept != null) {
            request.abortWith(Response.ok(kept.body(), kept.mediaType()).header(HttpHeaders.ETAG, kept.etag()).build());
            return;
        }
        KeptReads.Ticket ticket = reads.ticket(scope, key, longestKept());
        if (ticket != null) {
            request.setProperty(TICKET, ticket);
        }
    }
}
