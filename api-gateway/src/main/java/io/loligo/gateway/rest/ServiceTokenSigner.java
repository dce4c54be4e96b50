package io.loligo.gateway.rest;

import io.loligo.contracts.identity.ServiceTokenSigning;
import io.loligo.contracts.identity.ServiceTokens;
import io.loligo.gateway.auth.Caller;
import io.loligo.gateway.auth.Callers;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Signs every call the gateway makes to cluster-service and metrics-service, with the user it acts for inside the
 * signature ({@link ServiceTokens}): those services answer nobody else. The user is the caller of the request in
 * hand, named here once for every call: no contract method takes it as a parameter.
 */
@Provider
@ConstrainedTo(RuntimeType.CLIENT)
public class ServiceTokenSigner extends ServiceTokenSigning {
    /** The logged-in caller of the request in hand; none for the gateway's own calls, outside any request. */
    @Override
    protected Optional<String> actingUser() {
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
