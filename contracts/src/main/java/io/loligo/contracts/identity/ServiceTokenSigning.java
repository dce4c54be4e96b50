package io.loligo.contracts.identity;

import io.loligo.contracts.api.OsdApi;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Signs a call to another Loligo service ({@link ServiceTokens}), the counterpart of {@link ServiceTokenCheck}: with
 * the user it acts for inside the signature, when there is one. The secret is the caller's {@code loligo.internal.secret}.
 */
public abstract class ServiceTokenSigning implements ClientRequestFilter {
    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (request.getHeaderString(OsdApi.REQUESTED_BY) == null) {
            actingUser().ifPresent(user -> request.getHeaders().putSingle(OsdApi.REQUESTED_BY, user));
        }
        byte[] secret = ServiceTokens.secret(ConfigProvider.getConfig().getValue("loligo.internal.secret", String.class));
        request.getHeaders().putSingle(ServiceTokens.HEADER, ServiceTokens.sign(secret, request.getMethod(), pathAndQuery,
                request.getHeaderString(OsdApi.REQUESTED_BY), Instant.now()));
    }

    /** Whom the call is made for; none for a service's own calls. */
    protected Optional<String> actingUser() {
        return Optional.empty();
    }
}
