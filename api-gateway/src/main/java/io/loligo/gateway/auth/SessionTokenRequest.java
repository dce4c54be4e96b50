package io.loligo.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The session cookie a browser presented. */
public class SessionTokenRequest extends BaseAuthenticationRequest {
    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
