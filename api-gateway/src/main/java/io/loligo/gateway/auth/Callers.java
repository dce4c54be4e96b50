package io.loligo.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The caller of the request in hand, as its credentials identified it, and where it calls from. */
@RequestScoped
public class Callers {
    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest http;

    public Caller current() {
        return identity.getAttribute(TokenIdentityProvider.CALLER_ATTRIBUTE);
    }

    /** The caller's address, as the gateway's listener sees it: what logins are throttled by, besides the name. */
    public String source() {
        return sourceOf(http);
    }

    /** The same where no caller need be known yet, as when logging in. */
    public static String sourceOf(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
