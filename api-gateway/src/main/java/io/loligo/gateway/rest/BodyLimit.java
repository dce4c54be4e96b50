package io.loligo.gateway.rest;

import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.ProblemMapper;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.InvalidInput;
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
    /**
     * Looked up at the first body, once: a pre-matching filter is made while the application starts, before the
     * configuration, and each lookup of a configuration mapping builds it anew.
     */
    @Inject
    Instance<GatewayConfig> config;
    private volatile long limit;

    @ServerRequestFilter(preMatching = true)
    public Response refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return RefusalMapper.respond(new InvalidInput("InvalidContentLength", "Content-Length must be a number of bytes"));
        }
        if (bytes == 0) {
            return null;
        }
        long limit = limit();
        if (bytes > limit) {
            return ProblemMapper.respond(new ApiException(413, "BodyTooLarge", "a body may hold at most " + limit
                    + " bytes; this one holds " + bytes).problem());
        }
        return null;
    }

    private long limit() {
        if (limit == 0) {
            limit = config.get().maxBodyBytes();
        }
        return limit;
    }
}
