package io.loligo.cluster.alert;

import io.loligo.contracts.api.AlertViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notifications owed to receivers, batched for sending and recorded once sent. A firing alert silenced now is
 * kept owed until its silence ends; one that resolves while silenced is never told, its resolution neither.
 */
@ApplicationScoped
@Transactional
public class Notifications {
    /** The most notifications one pass takes, so that a backlog after an outage goes out over several. */
    static final int MOST_PER_PASS = 500;
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    /** How often a notification a silence holds back is looked at again. */
    static final Duration SILENCED_RECHECK = Duration.ofSeconds(5);

    @Inject
    Silences silences;

    /** One receiver's share of a pass: one group of alerts, or everything for an Alertmanager. */
    public record Batch(Target receiver, Map<String, String> groupLabels, List<NotificationEntity.Key> keys, List<Payloads.Told> told) {
    }

    /** What is owed now and may be sent, in batches; what silences keep back stays owed, or is done with unsent. */
    public List<Batch> due(Instant now) {
        List<NotificationEntity> due = NotificationEntity.find("doneAt is null and dueAt <= ?1 order by dueAt", now).page(0, MOST_PER_PASS).list();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, List<AlertViews.Matcher>> active = silences.active(now);
        Map<Long, ReceiverEntity> receivers = new HashMap<>();
        ReceiverEntity.<ReceiverEntity>listAll().forEach(receiver -> receivers.put(receiver.id, receiver));
        Map<List<Object>, List<NotificationEntity>> groups = new LinkedHashMap<>();
        Map<Long, AlertViews.Alert> alerts = new HashMap<>();
        Set<NotificationEntity.Key> sending = new HashSet<>();
        for (NotificationEntity notification : due) {
            AlertViews.Alert alert = alerts.computeIfAbsent(notification.key.alertId(),
                    id -> Alerts.view(AlertEntity.findById(id), active));
            boolean silenced = !Silences.silencing(active, alert.labels()).isEmpty();
            if ("resolved".equals(notification.key.status())) {
                NotificationEntity firing = NotificationEntity.findById(new NotificationEntity.Key(notification.key.alertId(),
                        notification.key.receiverId(), "firing"));
                if (firing != null && sending.contains(firing.key)) {
                    // told once the firing has gone out, at the next pass
                    continue;
                }
                if (firing != null && firing.doneAt == null) {
                    // the receiver never heard it fire (silenced, or failing all along): it hears of neither
                    done(firing, now, silenced ? "silenced" : "unsent");
                    done(notification, now, silenced ? "silenced" : "unsent");
                    continue;
                }
            } else if (silenced) {
                // owed until the silence ends; behind the others meanwhile, so that they are not held up
                notification.dueAt = now.plus(SILENCED_RECHECK);
                continue;
            }
            sending.add(notification.key);
            ReceiverEntity receiver = receivers.get(notification.key.receiverId());
            ReceiverKind kind = ReceiverKind.of(receiver.kind).orElseThrow();
            List<Object> group = kind.groupedHere() ? List.of(receiver.id, Payloads.groupLabels(alert)) : List.of(receiver.id);
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(notification);
        }
        List<Batch> batches = new ArrayList<>();
        groups.values().forEach(members -> {
            ReceiverEntity receiver = receivers.get(members.get(0).key.receiverId());
            ReceiverKind kind = ReceiverKind.of(receiver.kind).orElseThrow();
            AlertViews.Alert first = alerts.get(members.get(0).key.alertId());
            batches.add(new Batch(new Target(receiver.id, receiver.name, kind, receiver.url),
                    kind.groupedHere() ? Payloads.groupLabels(first) : Map.of(),
                    members.stream().map(member -> member.key).toList(),
                    members.stream().map(member -> new Payloads.Told(alerts.get(member.key.alertId()), member.key.status())).toList()));
        });
        return batches;
    }

    /** Records a batch sent, or failed and owed again later, each retry waiting twice as long, up to a minute. */
    public void record(Batch batch, Optional<String> failure, Instant now) {
        for (NotificationEntity.Key key : batch.keys()) {
            NotificationEntity notification = NotificationEntity.findById(key);
            if (notification == null) {
                // its receiver was removed meanwhile
                continue;
            }
            notification.attempts++;
            if (failure.isEmpty()) {
                done(notification, now, "sent");
            } else {
                notification.lastError = failure.get();
                long wait = Math.min(1L << Math.min(notification.attempts, 6), LONGEST_RETRY.toSeconds());
                notification.dueAt = now.plusSeconds(wait);
            }
        }
    }

    /** The alerts an Alertmanager was told fire and that still do, unsilenced: posted again before their lease ends. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Payloads.Told> stillFiring(long receiverId, Instant now) {
        Map<String, List<AlertViews.Matcher>> active = silences.active(now);
        return AlertEntity.<AlertEntity>list("state = 'firing' and id in (select n.key.alertId from NotificationEntity n"
                        + " where n.key.receiverId = ?1 and n.key.status = 'firing' and n.outcome = 'sent')", receiverId).stream()
                .map(alert -> Alerts.view(alert, active)).filter(alert -> alert.silencedBy().isEmpty())
                .map(alert -> new Payloads.Told(alert, "firing")).toList();
    }

    /** A receiver as sending needs it. */
    public record Target(long id, String name, ReceiverKind kind, String url) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> receivers(ReceiverKind kind) {
        return ReceiverEntity.<ReceiverEntity>list("kind", kind.label()).stream()
                .map(receiver -> new Target(receiver.id, receiver.name, kind, receiver.url)).toList();
    }

    private static void done(NotificationEntity notification, Instant now, String outcome) {
        notification.doneAt = now;
        notification.outcome = outcome;
    }
}
