package io.loligo.cluster.rest;

import io.loligo.contracts.api.OsdApi;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The user the gateway acts for in the call in hand, as it names it in a header that its signature covers
 * ({@link ServiceCallers}): read here once rather than being a parameter of every contract method.
 */
@RequestScoped
public class ActingUser {
    /** Who asked, when cluster-service is called without the gateway, which always names the user. */
    static final String UNNAMED_USER = "(internal)";

    @Inject
    HttpServerRequest http;

    /** The user the gateway named, or a mark that no one was. */
    public String name() {
        String user = http.getHeader(OsdApi.REQUESTED_BY);
        return user == null || user.isBlank() ? UNNAMED_USER : user;
    }
}
