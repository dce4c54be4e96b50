package io.loligo.cluster.broker;

import io.loligo.contracts.bus.BusRoutes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The broker's routes and policy under this platform's prefix. */
public class BusSetup {
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
