package io.loligo.cluster.broker;

import io.loligo.contracts.bus.BusRoutes;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.runtime.jackson.QuarkusJacksonJsonCodec;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The broker's routes and policy under this platform's prefix, and the bound of what its client parses. */
public class BusSetup {
    /** First of all, before the channels open: the broker client parses JSON bodies before any check of ours. */
    void limitConnectorParsing(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        WireCodec.limitConnectorParsing(QuarkusJacksonJsonCodec.mapper());
    }

    @Produces
    @Singleton
    BusRoutes routes(@ConfigProperty(name = "loligo.bus.prefix") String prefix) {
        return new BusRoutes(prefix);
    }

    @Produces
    @Singleton
    BrokerPolicy policy(BusRoutes routes) {
        return new BrokerPolicy(routes);
    }
}
