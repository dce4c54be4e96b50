package io.loligo.gateway.rest;

import java.util.Set;

/** Which requests only read: the XSRF rule and the audit log both leave them alone. */
public final class HttpMethods {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private HttpMethods() {
    }

    public static boolean isSafe(String method) {
        return SAFE.contains(method);
    }
}
