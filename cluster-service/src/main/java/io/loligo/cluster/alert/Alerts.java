package io.loligo.cluster.alert;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.cluster.live.LiveUpdates;
import io.loligo.cluster.persistence.PageQuery;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Alerts kept in PostgreSQL: each evaluation's transitions applied, each an event and a live update, each firing and
 * resolution owed to every receiver as a notification; read, paged and acknowledged by operators.
 */
@ApplicationScoped
@Transactional
public class Alerts {
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final List<String> STATES = List.of("active", "firing", "pending", "resolved", "all");

    @Inject
    AlertConfig config;
    @Inject
    EventLog events;
    @Inject
    LiveUpdates live;
    @Inject
    Silences silences;

    /**
     * Applies what the rules found wrong in the cluster now to its open alerts.
     *
     * @param unevaluated the names of alerts whose rules could not be evaluated now: their open alerts stay as they are
     * @param holdFor how long a condition of an alert named here holds before it fires, instead of the configured time
     */
    public void evaluate(String fsid, List<Condition> conditions, Set<String> unevaluated, Map<String, Duration> holdFor, Instant now) {
        List<AlertEntity> open = AlertEntity.list("fsid = ?1 and state <> ?2", fsid, AlertState.RESOLVED.label());
        List<AlertLifecycle.Open> kept = open.stream().filter(alert -> !unevaluated.contains(alert.name)).map(alert -> new AlertLifecycle.Open(alert.id, alert.fingerprint,
                AlertState.valueOf(alert.state.toUpperCase(Locale.ROOT)), alert.activeSince, alert.summary, alert.description)).toList();
        List<Event> happened = new ArrayList<>();
        Map<String, List<AlertViews.Matcher>> active = silences.active(now);
        for (AlertLifecycle.Transition transition : AlertLifecycle.step(kept, conditions, now,
                condition -> holdFor.getOrDefault(condition.name(), config.pendingFor(condition)))) {
            Event event = apply(fsid, transition, now, active);
            if (event != null) {
                happened.add(event);
            }
        }
        events.record(happened, now);
    }

    /** Makes one transition and says what happened. */
    private Event apply(String fsid, AlertLifecycle.Transition transition, Instant now, Map<String, List<AlertViews.Matcher>> active) {
        if (transition instanceof AlertLifecycle.Opened opened) {
            AlertEntity alert = open(fsid, opened.condition(), opened.state(), now);
            if (opened.state() == AlertState.FIRING) {
                owe(alert, AlertState.FIRING, now);
            }
            published(alert, active);
            return event(alert, opened.state() == AlertState.FIRING ? "fired" : "is pending");
        }
        if (transition instanceof AlertLifecycle.Fired fired) {
            AlertEntity alert = AlertEntity.findById(fired.id());
            reword(alert, fired.condition());
            alert.state = AlertState.FIRING.label();
            alert.firedAt = now;
            owe(alert, AlertState.FIRING, now);
            published(alert, active);
            return event(alert, "fired");
        }
        if (transition instanceof AlertLifecycle.Reworded reworded) {
            AlertEntity alert = AlertEntity.findById(reworded.id());
            reword(alert, reworded.condition());
            published(alert, active);
            return null;
        }
        if (transition instanceof AlertLifecycle.Resolved resolved) {
            AlertEntity alert = AlertEntity.findById(resolved.id());
            alert.state = AlertState.RESOLVED.label();
            alert.resolvedAt = now;
            owe(alert, AlertState.RESOLVED, now);
            published(alert, active);
            return event(alert, "resolved");
        }
        AlertLifecycle.Dropped dropped = (AlertLifecycle.Dropped) transition;
        AlertEntity alert = AlertEntity.findById(dropped.id());
        alert.delete();
        live.afterCommit(LiveUpdate.ALERT, String.valueOf(dropped.id()), fsid, () -> Map.of("id", dropped.id(), "dropped", true));
        return event(alert, "went away before it fired");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AlertViews.Alert> page(String state, String fsid, String page, String pageSize, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String asked = state == null ? "active" : state;
        if (!STATES.contains(asked)) {
            errors.add(new FieldError("state", "one of " + String.join(", ", STATES)));
        }
        PageRequest request = PageRequest.parse(page, pageSize, errors);
        InvalidInput.refuseIfAny(errors);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        StringBuilder echoed = new StringBuilder(state == null ? "" : "state=" + asked + "&");
        switch (asked) {
            case "active" -> where.append(" and state <> 'resolved'");
            case "all" -> { }
            default -> {
                where.append(" and state = :state");
                parameters.and("state", asked);
            }
        }
        if (fsid != null) {
            where.append(" and fsid = :fsid");
            parameters.and("fsid", fsid);
            echoed.append("fsid=").append(URLEncoder.encode(fsid, StandardCharsets.UTF_8)).append('&');
        }
        Map<String, List<AlertViews.Matcher>> active = silences.active(now);
        PageQuery.Rows<AlertEntity> rows = PageQuery.read(AlertEntity.class, where.toString(), parameters, "activeSince desc, id desc",
                request.offset(DEFAULT_PAGE_SIZE), request.size(DEFAULT_PAGE_SIZE));
        return request.page(rows.count(), rows.rows().stream().map(alert -> view(alert, active)).toList(), DEFAULT_PAGE_SIZE,
                echoed.toString());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlertViews.Alert one(String id, Instant now) {
        return view(find(id), silences.active(now));
    }

    public AlertViews.Alert acknowledge(String id, String user, Instant now) {
        AlertEntity alert = find(id);
        if (AlertState.RESOLVED.label().equals(alert.state)) {
            throw new Conflict("AlertResolved", "alert " + id + " is resolved: there is nothing to look after");
        }
        alert.acknowledgedBy = user;
        alert.acknowledgedAt = now;
        events.record(List.of(event(alert, "was acknowledged by " + user)), now);
        Map<String, List<AlertViews.Matcher>> active = silences.active(now);
        published(alert, active);
        return view(alert, active);
    }

    private AlertEntity find(String id) {
        return ById.find(id, Long::valueOf, key -> AlertEntity.<AlertEntity>findById(key), "alert");
    }

    private static AlertEntity open(String fsid, Condition condition, AlertState state, Instant now) {
        AlertEntity alert = new AlertEntity();
        alert.fingerprint = condition.fingerprint();
        alert.fsid = fsid;
        alert.name = condition.name();
        alert.severity = condition.severity().label();
        alert.labels = Map.copyOf(condition.labels());
        alert.summary = condition.summary();
        alert.description = condition.description();
        alert.state = state.label();
        alert.activeSince = now;
        alert.firedAt = state == AlertState.FIRING ? now : null;
        alert.persist();
        return alert;
    }

    private static void reword(AlertEntity alert, Condition condition) {
        alert.summary = condition.summary();
        alert.description = condition.description();
    }

    /** A notification of the alert's firing or resolution, owed to every receiver there is now. */
    private static void owe(AlertEntity alert, AlertState status, Instant now) {
        for (ReceiverEntity receiver : ReceiverEntity.<ReceiverEntity>listAll()) {
            NotificationEntity notification = new NotificationEntity();
            notification.key = new NotificationEntity.Key(alert.id, receiver.id, status.label());
            notification.dueAt = now;
            notification.persist();
        }
    }

    /** @param activeSilences as they stand when the transition is made: the update shows what silences it */
    private void published(AlertEntity alert, Map<String, List<AlertViews.Matcher>> activeSilences) {
        live.afterCommit(LiveUpdate.ALERT, String.valueOf(alert.id), alert.fsid, () -> view(alert, activeSilences));
    }

    private static Event event(AlertEntity alert, String what) {
        Severity severity = switch (what) {
            case "resolved" -> Severity.RECOVERY;
            case "fired" -> "critical".equals(alert.severity) ? Severity.ERROR : Severity.WARNING;
            default -> Severity.INFO;
        };
        Log.infof("alert %s %s %s", alert.name, alert.labels, what);
        return Event.cluster(severity, alert.fsid, "Alert " + alert.name + " " + what + ": " + alert.summary);
    }

    static AlertViews.Alert view(AlertEntity alert, Map<String, List<AlertViews.Matcher>> activeSilences) {
        List<String> silencedBy = AlertState.RESOLVED.label().equals(alert.state) ? List.of() : Silences.silencing(activeSilences, alert.labels);
        return new AlertViews.Alert(alert.id, alert.fingerprint, alert.fsid, alert.name, alert.severity, alert.state, alert.labels,
                alert.summary, alert.description, alert.activeSince, alert.firedAt, alert.resolvedAt, alert.acknowledgedBy,
                alert.acknowledgedAt, silencedBy);
    }
}
