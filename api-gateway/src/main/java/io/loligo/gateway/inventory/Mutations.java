package io.loligo.gateway.inventory;

import io.loligo.contracts.api.RequestView;
import io.loligo.gateway.auth.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.function.Function;

/**
 * Passes a mutation on to cluster-service in the name of the logged-in user, whatever a client claims, and
 * passes back its 202 with the request, or its 304.
 */
@RequestScoped
public class Mutations {
    @Inject
    Callers callers;

    public Response asUser(Function<String, Response> mutation) {
        Response upstream = mutation.apply(callers.current().username());
        if (upstream.getStatus() == Response.Status.ACCEPTED.getStatusCode()) {
            return Response.accepted(upstream.readEntity(RequestView.Accepted.class)).build();
        }
        return Response.status(upstream.getStatus()).build();
    }
}
