package io.loligo.gateway.rest;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.identity.ServiceTokens;
import io.loligo.gateway.auth.Caller;
import io.loligo.gateway.auth.Callers;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs every call the gateway makes to cluster-service and metrics-service, with the user it acts for inside the
 * signature ({@link ServiceTokens}): those services answer nobody else. The user is the caller of the request in
 * hand, named here once for every call that does not name one itself.
 */
@Provider
@ConstrainedTo(RuntimeType.CLIENT)
public class ServiceTokenSigner implements ClientRequestFilter {
    @ConfigProperty(name = "loligo.internal.secret")
    String secret;

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (request.getHeaderString(OsdApi.REQUESTED_BY) == null) {
            actingUser().ifPresent(user -> request.getHeaders().putSingle(OsdApi.REQUESTED_BY, user));
        }
        request.getHeaders().putSingle(ServiceTokens.HEADER, ServiceTokens.sign(ServiceTokens.secret(secret), request.getMethod(),
                pathAndQuery, request.getHeaderString(OsdApi.REQUESTED_BY), Instant.now()));
    }

    /** The logged-in caller of the request in hand; none for the gateway's own calls, outside any request. */
    private static Optional<String> actingUser() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Arc.container().instance(Callers.class).get().current()).map(Caller::username);
        } catch (RuntimeException noIdentity) {
            // a request context without a login, such as a scheduled job's: nobody to name
            return Optional.empty();
        }
    }
}
