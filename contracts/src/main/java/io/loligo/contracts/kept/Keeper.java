package io.loligo.contracts.kept;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * Where a filter of kept reads finds kept answers and takes tickets: {@link KeptAnswers}, or a view of them that may
 * refuse both (the gateway's, while it cannot trust its stream).
 */
public interface Keeper {
    /** The request property under which a read carries its ticket to the filter that keeps its answer. */
    String TICKET = "loligo.kept.ticket";

    /** @return the kept answer to this read, or null when there is none to give now */
    KeptAnswers.Representation kept(String scope, String key);

    /** @return what the read must show to be kept once answered, or null when nothing may be kept now */
    KeptAnswers.Ticket ticket(String scope, String key, Duration longestKept);

    /**
     * What every filter of kept reads does first: answers a {@code GET} from what is kept, or leaves a {@link #TICKET}
     * on it for its answer to be kept. The scope is the cluster the path names, or all of them; the key the whole URI
     * (Calamari's pages link to themselves absolutely, so the host the caller named shapes the answer) and the types
     * the caller accepts.
     */
    default void answerOrTicket(ContainerRequestContext request, Duration longestKept) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return;
        }
        String fsid = request.getUriInfo().getPathParameters().getFirst("fsid");
        String scope = fsid == null ? KeptAnswers.ALL_CLUSTERS : fsid;
        String key = request.getUriInfo().getRequestUri() + "\n" + request.getHeaderString(HttpHeaders.ACCEPT);
        KeptAnswers.Representation kept = kept(scope, key);
        if (kept != null) {
            // a keeper that tags nothing has no tag to send: a null header is none
            request.abortWith(Response.ok(kept.body(), kept.mediaType()).header(HttpHeaders.ETAG, kept.etag()).build());
            return;
        }
        KeptAnswers.Ticket ticket = ticket(scope, key, longestKept);
        if (ticket != null) {
            request.setProperty(TICKET, ticket);
        }
    }
}
