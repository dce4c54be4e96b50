package io.loligo.gateway.auth;

import io.loligo.gateway.user.Role;

/**
 * Who a request comes from, as its session or API token says.
 *
 * @param xsrfToken what a session's unsafe requests must echo; null for API tokens, which no browser sends by itself
 * @param sessionHash the digest of the session the request came with, null for API tokens
 * @param tokenHash the digest of the API token the request came with, null for sessions
 */
public record Caller(long userId, String username, Role role, String xsrfToken, String sessionHash, String tokenHash) {
}
