package io.loligo.gateway.kept;

import io.loligo.contracts.api.KeptBriefly;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.kept.KeptAnswers;
import io.loligo.gateway.auth.Callers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Answers a kept read from {@link KeptReads} while its answer is kept; otherwise lets it through with a
 * {@link KeptAnswers.Ticket}, which {@link ConditionalReads} uses to keep the answer. Each way of keeping is bound to
 * its annotation. The filters run after the caller's login and role were checked, and on the I/O thread, before the
 * hop to a worker that a blocking endpoint takes: a kept answer needs no worker, and on a small host that hop was
 * most of what such a read cost. A read that finds the same read on its way waits for its answer, without a thread:
 * sixteen pollers that find nothing kept ask the source once, not sixteen times.
 */
public class KeptReadFilters {
    /** How long a {@link KeptBriefly} answer is kept at most before one read brings it anew. */
    static final Duration BRIEFLY = Duration.ofSeconds(1);

    /** Quarkus runs the filters that need no worker before all others, so they must come first. */
    private static final int BEFORE_BLOCKING_FILTERS = Priorities.USER - 1;

    /** Unlike a cluster's fsid, which is a UUID wherever it is kept. */
    private static final String CALLER_SCOPE = "caller:";

    @Inject
    KeptReads reads;
    @Inject
    Callers callers;

    @ServerRequestFilter(nonBlocking = true, priority = BEFORE_BLOCKING_FILTERS)
    @KeptUntilChanged
    public Uni<Response> untilChanged(ContainerRequestContext request) {
        return answerOrTicket(request, KeptAnswers.UNCHANGED_DUE);
    }

    @ServerRequestFilter(nonBlocking = true, priority = BEFORE_BLOCKING_FILTERS)
    @KeptBriefly
    public Uni<Response> briefly(ContainerRequestContext request) {
        return answerOrTicket(request, BRIEFLY);
    }

    /**
     * In a scope of the caller's own, which no cluster's change touches: its answers are forgotten by changes made
     * through this gateway and by their second passing.
     */
    @ServerRequestFilter(nonBlocking = true, priority = BEFORE_BLOCKING_FILTERS)
    @KeptForCaller
    public Uni<Response> forCaller(ContainerRequestContext request) {
        return settled(reads.answerOrTicket(request, CALLER_SCOPE + callers.current().userId(), BRIEFLY));
    }

    private Uni<Response> answerOrTicket(ContainerRequestContext request, Duration longestKept) {
        return settled(reads.answerOrTicket(request, longestKept));
    }

    /** A read that waited for another's answer goes on on its own Vert.x context, whoever's thread ended the wait. */
    private static Uni<Response> settled(CompletionStage<Response> answerOrTicket) {
        CompletableFuture<Response> answer = answerOrTicket.toCompletableFuture();
        if (answer.isDone()) {
            return Uni.createFrom().item(answer.join());
        }
        Context context = Vertx.currentContext();
        Uni<Response> waited = Uni.createFrom().completionStage(answer);
        return context == null ? waited : waited.emitOn(task -> context.runOnContext(nothing -> task.run()));
    }
}
