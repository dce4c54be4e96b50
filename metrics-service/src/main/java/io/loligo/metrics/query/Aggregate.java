package io.loligo.metrics.query;

import java.util.Locale;
import java.util.Optional;

/** How the points within one step of a query combine. */
public enum Aggregate {
    MEAN, MAX, MIN, SUM;

    public String influxFunction() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Aggregate> parse(String given) {
        for (Aggregate aggregate : values()) {
            if (aggregate.name().equalsIgnoreCase(given)) {
                return Optional.of(aggregate);
            }
        }
        return Optional.empty();
    }
}
