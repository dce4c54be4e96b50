package io.loligo.metrics.query;

import io.loligo.metrics.config.MetricsConfig;

import java.time.Duration;

/**
 * Where points are kept: InfluxDB retention policies, raw points and two rollups. A rollup keeps, per step, the
 * mean, max and min of each field, as {@code mean_<field>}, {@code max_<field>} and {@code min_<field>}.
 */
public enum Rollup {
    RAW("raw", Duration.ZERO),
    FIVE_MINUTES("rollup_5m", Duration.ofMinutes(5)),
    ONE_HOUR("rollup_1h", Duration.ofHours(1));

    private final String retentionPolicy;
    private final Duration step;

    Rollup(String retentionPolicy, Duration step) {
        this.retentionPolicy = retentionPolicy;
        this.step = step;
    }

    public String retentionPolicy() {
        return retentionPolicy;
    }

    /** The rollup's step; zero for raw points. */
    public Duration step() {
        return step;
    }

    public Duration keptFor(MetricsConfig.Retention retention) {
        return switch (this) {
            case RAW -> retention.raw();
            case FIVE_MINUTES -> retention.fiveMinutes();
            case ONE_HOUR -> retention.oneHour();
        };
    }

    /** The stored field an aggregate reads: raw points have the field itself, rollups its pre-aggregated forms. */
    public String storedField(String field, Aggregate aggregate) {
        if (this == RAW) {
            return field;
        }
        return switch (aggregate) {
            case MAX -> "max_" + field;
            case MIN -> "min_" + field;
            case MEAN, SUM -> "mean_" + field;
        };
    }
}
