package io.loligo.gateway.rest;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.identity.ServiceTokens;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Instant;

/**
 * Signs every call the gateway makes to cluster-service and metrics-service, with the user it acts for inside the
 * signature ({@link ServiceTokens}): those services answer nobody else.
 */
@Provider
@ConstrainedTo(RuntimeType.CLIENT)
public class ServiceTokenSigner implements ClientRequestFilter {
    @ConfigProperty(name = "loligo.internal.secret")
    String secret;

    @Override
    public void filter(ClientRequestContext request) {
        URI uri = request.getUri();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.getHeaders().putSingle(ServiceTokens.HEADER, ServiceTokens.sign(ServiceTokens.secret(secret), request.getMethod(),
                pathAndQuery, request.getHeaderString(OsdApi.REQUESTED_BY), Instant.now()));
    }
}
