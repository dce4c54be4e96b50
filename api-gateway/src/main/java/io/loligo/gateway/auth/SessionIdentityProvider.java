package io.loligo.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

/** Turns a session token into the identity of its user, with the user's role. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {
    /** The identity attribute holding the session's XSRF token, which every unsafe request must echo. */
    public static final String XSRF_ATTRIBUTE = "loligo.xsrf";

    @Inject
    Sessions sessions;

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> lookup(request.token()));
    }

    @ActivateRequestContext
    SecurityIdentity lookup(String token) {
        return sessions.find(token)
                .map(active -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(active.username()))
                        .addRole(active.role().roleName())
                        .addAttribute(XSRF_ATTRIBUTE, active.xsrfToken())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("the session has expired or does not exist"));
    }
}
