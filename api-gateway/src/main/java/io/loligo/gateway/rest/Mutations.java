package io.loligo.gateway.rest;

import io.loligo.contracts.api.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Passes a mutation on to cluster-service, which the request signer names the logged-in user to, whatever a client
 * claims, and passes back its 202 with the request, or its 304.
 */
@ApplicationScoped
public class Mutations {
    public Response passOn(Supplier<Response> mutation) {
        Response upstream = mutation.get();
        if (upstream.getStatus() == Response.Status.ACCEPTED.getStatusCode()) {
            return Response.accepted(upstream.readEntity(RequestView.Accepted.class)).build();
        }
        return Response.status(upstream.getStatus()).build();
    }
}
