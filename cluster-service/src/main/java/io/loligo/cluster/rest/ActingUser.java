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
    @Inject
    HttpServerRequest http;

    public String name() {
        return Mutations.named(http.getHeader(OsdApi.REQUESTED_BY));
    }
}
