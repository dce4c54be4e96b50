package io.loligo.gateway.kept;

import io.loligo.contracts.kept.KeptAnswers;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import java.time.Duration;

/**
 * Answers a kept read from {@link KeptReads} while its answer is kept; otherwise lets it through with a
 * {@link KeptAnswers.Ticket}, which {@link ConditionalReads} uses to keep the answer. Runs after the caller's login
 * and role were checked, like every request filter bound to an endpoint. Each way of keeping binds a subclass to its
 * annotation: {@link UntilChanged}, {@link Briefly}.
 */
abstract class KeptReadFilter implements ContainerRequestFilter {
    @Inject
    KeptReads reads;

    /** @return how long an answer may be kept at most, changes or none */
    abstract Duration longestKept();

    @Override
    public void filter(ContainerRequestContext request) {
        reads.answerOrTicket(request, longestKept());
    }
}
