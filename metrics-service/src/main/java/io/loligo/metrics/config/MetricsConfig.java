package io.loligo.metrics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** metrics-service's settings, under {@code loligo.metrics}. */
@ConfigMapping(prefix = "loligo.metrics")
public interface MetricsConfig {

    Influx influx();

    Retention retention();

    Query query();

    Ingest ingest();

    interface Ingest {
        /** The most bytes of lines a batch may hold, compressed or inflated: an agent's are well under a megabyte. */
        @WithDefault("16777216")
        long batchMaxBytes();
    }

    /** How long points are kept: raw, then as 5-minute and 1-hour rollups (mean, max and min of each field). */
    interface Retention {
        @WithDefault("7d")
        Duration raw();

        @WithDefault("90d")
        Duration fiveMinutes();

        @WithDefault("730d")
        Duration oneHour();
    }

    interface Query {
        /** The most points one query may answer, over all its series: beyond, choose a coarser resolution. */
        @WithDefault("50000")
        int maxPoints();

        /** About how many steps an automatic resolution gives a time range. */
        @WithDefault("600")
        int autoSteps();

        /** The agents' collection interval: no resolution is finer. */
        @WithDefault("10s")
        Duration collectionInterval();
    }

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
