package io.loligo.gateway.rest;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.ProblemMapper;
import io.loligo.gateway.config.GatewayConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request's body is bounded before any of it is read, whatever the endpoint, and a larger one is refused with a
 * problem that says so (413), rather than with the HTTP server's bare refusal further up.
 */
public class BodyLimit {
    /** Looked up per request: a pre-matching filter is made while the application starts, before the configuration. */
    @Inject
    Instance<GatewayConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return ProblemMapper.respond(new ApiException(400, "InvalidContentLength", "Content-Length must be a number of bytes").problem());
        }
        long limit = config.get().maxBodyBytes();
        if (bytes > limit) {
            return ProblemMapper.respond(new ApiException(413, "BodyTooLarge", "a body may hold at most " + limit
                    + " bytes; this one holds " + bytes).problem());
        }
        return null;
    }
}
