package io.loligo.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The caller of the request in hand, as its credentials identified it. */
@RequestScoped
public class Callers {
    @Inject
    SecurityIdentity identity;

    public Caller current() {
        return identity.getAttribute(TokenIdentityProvider.CALLER_ATTRIBUTE);
    }
}
