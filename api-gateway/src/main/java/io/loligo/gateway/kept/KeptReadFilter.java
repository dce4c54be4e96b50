package io.loligo.gateway.kept;

import io.loligo.contracts.kept.KeptAnswers;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * Answers a kept read from {@link KeptReads} while its answer is kept; otherwise lets it through with a
 * {@link KeptAnswers.Ticket}, which {@link ConditionalReads} uses to keep the answer. Runs after the caller's login
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
        String scope = KeptAnswers.scopeOf(request);
        String key = KeptAnswers.keyOf(request);
        KeptAnswers.Representation kept = reads.kept(scope, key);
        if (kept != null) {
            request.abortWith(Response.ok(kept.body(), kept.mediaType()).header(HttpHeaders.ETAG, kept.etag()).build());
            return;
        }
        KeptAnswers.Ticket ticket = reads.ticket(scope, key, longestKept());
        if (ticket != null) {
            request.setProperty(TICKET, ticket);
        }
    }
}
