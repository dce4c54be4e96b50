package io.loligo.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** metrics-service's settings, under {@code loligo.metrics}. */
@ConfigMapping(prefix = "loligo.metrics")
public interface MetricsConfig {

    Influx influx();

    interface Influx {
        /** InfluxDB's HTTP endpoint (v1 API). */
        @WithDefault("http://127.0.0.1:18086")
        String url();

        /** The database holding every series; created at start when missing. */
        @WithDefault("loligo")
        String database();

        /** Only for an InfluxDB with authentication on. */
        Optional<String> username();

        Optional<String> password();

        @WithDefault("5s")
        Duration timeout();
    }
}
