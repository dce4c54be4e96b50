package io.loligo.gateway.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A secret a client presented: a browser's session cookie or a script's bearer token. */
public class TokenRequest extends BaseAuthenticationRequest {
    public enum Kind { SESSION, API_TOKEN }

    private final Kind kind;
    private final String token;

    public TokenRequest(Kind kind, String token) {
        this.kind = kind;
        this.token = token;
    }

    public Kind kind() {
        return kind;
    }

    public String token() {
        return token;
    }
}
