package io.loligo.cluster.rest;

import io.loligo.contracts.identity.ServiceTokenCheck;
import io.loligo.contracts.identity.ServiceTokens;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Only the gateway calls this API: every call carries its signature, and the user it acts for inside it. */
@Provider
@PreMatching
public class ServiceCallers extends ServiceTokenCheck {
    @ConfigProperty(name = "loligo.internal.secret")
    String secret;

    @Override
    protected byte[] secret() {
        return ServiceTokens.secret(secret);
    }
}
