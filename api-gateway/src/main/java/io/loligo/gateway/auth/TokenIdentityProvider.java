package io.loligo.gateway.auth;

import io.loligo.contracts.failure.DatabaseUnreachable;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
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

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Turns a session or API token into the identity of its user, holding the roles the user's role grants. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenRequest> {
    /** The identity attribute holding the {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "loligo.caller";

    @Inject
    Sessions sessions;
    @Inject
    ApiTokens apiTokens;
    @Inject
    KnownCallers known;
    @Inject
    @CacheName(Sessions.CALLERS)
    Cache callers;

    @Override
    public Class<TokenRequest> getRequestType() {
        return TokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
        // a caller read a moment ago is answered where the request arrived: most requests cost no worker thread
        Optional<Caller> recent = recent(request.token());
        return recent != null
                ? Uni.createFrom().item(() -> identity(request, recent))
                : context.runBlocking(() -> lookup(request));
    }

    /** @return the caller the cache in front of the database holds for this token, or null when it holds none yet */
    private Optional<Caller> recent(String token) {
        CompletableFuture<Optional<Caller>> held = callers.as(CaffeineCache.class).getIfPresent(token);
        return held != null && held.isDone() && !held.isCompletedExceptionally() ? held.getNow(null) : null;
    }

    @ActivateRequestContext
    SecurityIdentity lookup(TokenRequest request) {
        return identity(request, caller(request));
    }

    /**
     * The caller as PostgreSQL has it; while the database is away, as it had it a moment ago ({@link KnownCallers}),
     * so that reads served from memory keep answering.
     */
    private Optional<Caller> caller(TokenRequest request) {
        String hash = Secrets.sha256(request.token());
        Instant now = Instant.now();
        try {
            Optional<Caller> caller = request.kind() == TokenRequest.Kind.SESSION
                    ? sessions.find(request.token())
                    : apiTokens.find(request.token());
            caller.ifPresentOrElse(found -> known.remember(hash, found, now), () -> known.forget(hash));
            return caller;
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.caused(e)) {
                throw e;
            }
            return Optional.of(known.recall(hash, now).orElseThrow(() -> e));
        }
    }

    private static SecurityIdentity identity(TokenRequest request, Optional<Caller> caller) {
        return caller
                .map(found -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(found.username()))
                        .addRoles(found.role().grantedRoleNames())
                        .addAttribute(CALLER_ATTRIBUTE, found)
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException(request.kind() == TokenRequest.Kind.SESSION
                        ? "the session has expired or does not exist"
                        : "the API token has expired, was revoked, or does not exist"));
    }
}
