package io.loligo.gateway.auth;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.ProblemMapper;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.HttpMethods;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A cookie rides along with any request the browser makes, including one forged by another site: an unsafe request
 * authenticated by the session cookie must also echo the session's XSRF token, which only our own pages can read.
 */
public class XsrfFilter {
    public static final String HEADER = "X-XSRF-TOKEN";

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Response> requireXsrfToken(ContainerRequestContext request) {
        if (HttpMethods.isSafe(request.getMethod()) || isLogin(request.getUriInfo().getPath())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    Caller caller = identity == null ? null : identity.getAttribute(TokenIdentityProvider.CALLER_ATTRIBUTE);
                    String expected = caller == null ? null : caller.xsrfToken();
                    if (expected == null || sameToken(expected, request.getHeaderString(HEADER))) {
                        return null;
                    }
                    return ProblemMapper.respond(Problem.of(403, "Forbidden", "XsrfTokenMismatch",
                            "send the XSRF-TOKEN cookie's value in the " + HEADER + " header"));
                });
    }

    /** In constant time: how long a comparison takes says nothing of how much of the token was right. */
    static boolean sameToken(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Logging in and out needs no token, in every version, as in Calamari (whose login answered with the cookie). */
    private static boolean isLogin(String path) {
        return path.startsWith(ApiPaths.V3 + "/auth/") || path.startsWith(ApiPaths.CALAMARI_V1 + "/auth/")
                || path.startsWith(ApiPaths.CALAMARI_V2 + "/auth/");
    }
}
