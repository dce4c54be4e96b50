package io.loligo.contracts.identity;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.ProblemMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses every call to a service's API that the gateway did not sign ({@link ServiceTokens}), with a 401, before
 * it is matched to an endpoint. Health probes stay open, and the broker's questions carry a secret of their own.
 * Each service that serves the gateway registers one ({@code @Provider @PreMatching}); the secret is the service's
 * {@code loligo.internal.secret}.
 */
public abstract class ServiceTokenCheck implements ContainerRequestFilter {
    private byte[] secret() {
        return ServiceTokens.secret(ConfigProvider.getConfig().getValue("loligo.internal.secret", String.class));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path.startsWith("/q/") || path.startsWith("/internal/broker/")) {
            return;
        }
        String pathAndQuery = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> refusal = ServiceTokens.refusal(secret(), request.getHeaderString(ServiceTokens.HEADER), request.getMethod(),
                pathAndQuery, request.getHeaderString(OsdApi.REQUESTED_BY), Instant.now());
        refusal.ifPresent(why -> request.abortWith(ProblemMapper.respond(Problem.of(401, "Unauthorized", "ServiceCredentialsRequired", why))));
    }
}
