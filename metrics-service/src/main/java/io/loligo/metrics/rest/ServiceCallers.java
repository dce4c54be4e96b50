package io.loligo.metrics.rest;

import io.loligo.contracts.identity.ServiceTokenCheck;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/** Only the gateway calls this API: every call carries its signature, and the user it acts for inside it. */
@Provider
@PreMatching
public class ServiceCallers extends ServiceTokenCheck {
}
