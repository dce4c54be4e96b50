package io.loligo.cluster.alert;

import io.loligo.cluster.leader.LeaderOnly;
import io.loligo.contracts.api.AlertViews;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leader sends what is owed to receivers every second, and posts firing alerts again to each Alertmanager
 * before the lease they were given ends. Sending happens outside any transaction: a slow receiver holds no
 * connection of the database.
 */
@ApplicationScoped
public class AlertNotifier {
    @Inject
    Notifications notifications;
    @Inject
    ReceiverClient client;
    @Inject
    AlertConfig config;

    /** When each Alertmanager was last posted every firing alert; none after a restart, so the first pass does it. */
    private final Map<Long, Instant> reposted = new ConcurrentHashMap<>();

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = LeaderOnly.class)
    void send() {
        Instant now = Instant.now();
        try {
            for (Notifications.Batch batch : notifications.due(now)) {
                Optional<String> failure = deliver(batch.receiver(), batch.groupLabels(), batch.told(), now);
                failure.ifPresent(why -> Log.warnf("receiver %s did not take %d notification(s): %s", batch.receiver().name(), batch.keys().size(), why));
                notifications.record(batch, failure, Instant.now());
            }
            repostToAlertmanagers(now);
        } catch (RuntimeException e) {
            // owed notifications stay owed: the next pass sends them
            Log.warnf("alert notifications not sent: %s", e.toString());
        }
    }

    private void repostToAlertmanagers(Instant now) {
        for (Notifications.Target receiver : notifications.receivers(ReceiverKind.ALERTMANAGER)) {
            Instant last = reposted.get(receiver.id());
            if (last != null && last.plus(config.alertmanagerRepost()).isAfter(now)) {
                continue;
            }
            List<Payloads.Told> firing = notifications.stillFiring(receiver.id(), now);
            if (!firing.isEmpty()) {
                deliver(receiver, Map.of(), firing, now)
                        .ifPresent(why -> Log.warnf("Alertmanager %s not reposted %d alert(s): %s", receiver.name(), firing.size(), why));
            }
            reposted.put(receiver.id(), now);
        }
    }

    /**
     * Sends the receiver a test alert, {@code LoligoTestAlert}, firing and then resolved at once.
     *
     * @return empty when it took both; else what went wrong
     */
    public Optional<String> test(Notifications.Target receiver, Instant now) {
        Map<String, String> labels = Map.of("alertname", "LoligoTestAlert", "severity", "info", "fsid", "test", "receiver", receiver.name());
        AlertViews.Alert firing = new AlertViews.Alert(0, Condition.fingerprint(labels), "test", "LoligoTestAlert", "info", "firing",
                labels, "A test of receiver " + receiver.name() + " from Loligo", "Nothing to do: it resolves at once.", now, now, null,
                null, null, List.of());
        AlertViews.Alert resolved = new AlertViews.Alert(0, firing.fingerprint(), "test", firing.name(), "info", "resolved", labels,
                firing.summary(), firing.description(), now, now, now, null, null, List.of());
        Map<String, String> group = Payloads.groupLabels(firing);
        return deliver(receiver, group, List.of(new Payloads.Told(firing, "firing")), now)
                .or(() -> deliver(receiver, group, List.of(new Payloads.Told(resolved, "resolved")), now));
    }

    /** Tells the receiver of these alerts in its own form: empty when it took them, else what went wrong. */
    private Optional<String> deliver(Notifications.Target receiver, Map<String, String> groupLabels, List<Payloads.Told> told, Instant now) {
        return switch (receiver.kind()) {
            case ALERTMANAGER -> client.post(ReceiverClient.alertmanagerAlerts(receiver.url()),
                    Payloads.alertmanager(told, now.plus(config.alertmanagerLease()), config.consoleUrl()));
            case WEBHOOK -> client.post(receiver.url(), Payloads.webhook(receiver.name(), groupLabels, told, config.consoleUrl()));
            case EMAIL -> client.mail(receiver.url(), Payloads.email(groupLabels, told, config.consoleUrl()));
        };
    }
}
