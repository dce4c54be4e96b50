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

    default Duration pendingFor(Condition condition) {
        return pendingForAlert().getOrDefault(condition.name(), pendingFor());
    }
}
