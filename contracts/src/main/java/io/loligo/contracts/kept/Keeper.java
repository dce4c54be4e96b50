package io.loligo.contracts.kept;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Where a filter of kept reads finds kept answers and takes tickets: {@link KeptAnswers}, or a view of them that may
 * refuse both (the gateway's, while it cannot trust its stream).
 */
public interface Keeper {
    /** The request property under which a read carries its ticket to the filter that keeps its answer. */
    String TICKET = "loligo.kept.ticket";
    /** How long ago a kept answer was read, in seconds (RFC 9111): what a caller sees of keeping. */
    String AGE = "Age";

    /** @return the kept answer to this read, or null when there is none to give now */
    KeptAnswers.Kept kept(String scope, String key);

    /** @return what the read must show to be kept once answered, or null when nothing may be kept now */
    KeptAnswers.Ticket ticket(String scope, String key, Duration longestKept);

    /** @return the coming answer of the same read on its way now, or null when none is or none may be given */
    CompletableFuture<KeptAnswers.Representation> onItsWay(String scope, String key);

    /** @return whether this read was sent to bring a due answer anew: it must not be given the answer kept */
    default boolean bringsAnew(ContainerRequestContext request) {
        return false;
    }

    /**
     * Asked of the read that is to bring a due answer anew.
     *
     * @return whether the keeper brings the answer by other means, so that this read is given the one kept
     */
    default boolean bringsAnewElsewhere(ContainerRequestContext request) {
        return false;
    }

    /**
     * What every filter of kept reads does first: answers a {@code GET} from what is kept, or from the answer of the
     * same read on its way (for {@link KeptAnswers#LONGEST_WAIT} at most), or leaves a {@link #TICKET} on it for its
     * answer to be kept. The scope is the cluster the path names, or all of them; the key the whole URI (Calamari's
     * pages link to themselves absolutely, so the host the caller named shapes the answer) and the types the caller
     * accepts.
     *
     * @return the answer to abort the request with, or a stage completed with null when the read goes on
     */
    default CompletionStage<Response> answerOrTicket(ContainerRequestContext request, Duration longestKept) {
        String fsid = request.getUriInfo().getPathParameters().getFirst("fsid");
        return answerOrTicket(request, fsid == null ? KeptAnswers.ALL_CLUSTERS : fsid, longestKept);
    }

    /** As above, in a scope of the caller's choosing rather than the cluster's. */
    default CompletionStage<Response> answerOrTicket(ContainerRequestContext request, String scope, Duration longestKept) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return goesOn();
        }
        String key = request.getUriInfo().getRequestUri() + "\n" + request.getHeaderString(HttpHeaders.ACCEPT);
        boolean anew = bringsAnew(request);
        KeptAnswers.Kept kept = anew ? null : kept(scope, key);
        if (kept != null && (!kept.bringAnew() || bringsAnewElsewhere(request))) {
            return CompletableFuture.completedFuture(answer(kept.representation(), kept.ageSeconds()));
        }
        CompletableFuture<KeptAnswers.Representation> coming = anew || kept != null ? null : onItsWay(scope, key);
        if (coming == null) {
            takeTicket(request, scope, key, longestKept);
            return goesOn();
        }
        // a copy: a wait that ends is this read's, not everyone's
        return coming.copy().completeOnTimeout(null, KeptAnswers.LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS).thenApply(answer -> {
            if (answer != null) {
                return answer(answer, 0);
            }
            takeTicket(request, scope, key, longestKept);
            return null;
        });
    }

    private static CompletionStage<Response> goesOn() {
        return CompletableFuture.completedFuture(null);
    }

    private void takeTicket(ContainerRequestContext request, String scope, String key, Duration longestKept) {
        KeptAnswers.Ticket ticket = ticket(scope, key, longestKept);
        if (ticket != null) {
            request.setProperty(TICKET, ticket);
        }
    }

    private static Response answer(KeptAnswers.Representation answer, long ageSeconds) {
        // a keeper that tags nothing has no tag to send: a null header is none
        return Response.ok(answer.body(), answer.mediaType()).header(HttpHeaders.ETAG, answer.etag()).header(AGE, ageSeconds).build();
    }
}
