package io.loligo.cluster.alert;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "loligo.alerts")
public interface AlertConfig {
    /** How often the leader evaluates every rule for every cluster. */
    @WithDefault("5s")
    Duration evaluateEvery();

    /** How long a condition must hold before its alert fires, unless its alert is named in {@link #pendingForAlert}. */
    @WithDefault("1m")
    Duration pendingFor();

    /** The same by alert name ({@code loligo.alerts.pending-for-alert.CephOsdDown=5m}); {@code 0s} fires at once. */
    Map<String, Duration> pendingForAlert();

    /**
     * How often firing alerts are posted again to each Alertmanager: it resolves an alert that is not re-posted before
     * the {@code endsAt} Loligo gives it, {@link #alertmanagerLease()} ahead, so that alerts of a Loligo gone away end.
     */
    @WithDefault("60s")
    Duration alertmanagerRepost();

    @WithDefault("5m")
    Duration alertmanagerLease();

    /** How long a receiver may take to answer one notification. */
    @WithDefault("5s")
    Duration receiverTimeout();

    /** The console's address, for the link each notification carries back to the alert. */
    Optional<String> consoleUrl();

    /** Pools and OSDs predicted to be full, as Ceph's {@code CephPoolGrowthWarning} predicts them. */
    Growth growth();

    interface Growth {
        /** How far back the trend is taken (Ceph's alert: 2 days). */
        @WithDefault("2d")
        Duration window();

        /** How far ahead it is extrapolated (Ceph's alert: 5 days). */
        @WithDefault("5d")
        Duration horizon();

        /** The percentage used counted as full (Ceph's alert: 95). */
        @WithDefault("95")
        double threshold();

        /** How often the trends are read again: they change slowly, and each read spans every pool's and OSD's days. */
        @WithDefault("10m")
        Duration every();
    }

    default Duration pendingFor(Condition condition) {
        return pendingForAlert().getOrDefault(condition.name(), pendingFor());
    }
}
