package io.loligo.gateway.auth;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Both ways in: a script's {@code Authorization: Bearer} API token, or else Calamari's browser flow, a session
 * cookie set by {@code POST /api/v3/auth/login}.
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String SESSION_COOKIE = "loligo_session";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        TokenRequest request = presented(context);
        if (request == null) {
            return Uni.createFrom().nullItem();
        }
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    private static TokenRequest presented(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return new TokenRequest(TokenRequest.Kind.API_TOKEN, authorization.substring(BEARER.length()).strip());
        }
        Cookie cookie = context.request().getCookie(SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return null;
        }
        return new TokenRequest(TokenRequest.Kind.SESSION, cookie.getValue());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenRequest.class);
    }
}
