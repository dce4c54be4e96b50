package io.loligo.cluster.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.AlertViews;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What receivers are sent, in Alertmanager's own shapes: its v2 API's postable alerts, and the JSON its webhook
 * receivers get (version 4), so that whatever takes one from Alertmanager takes it from Loligo. Pure.
 */
public final class Payloads {
    /** Alertmanager's webhook shows a firing alert's end as Go's zero time. */
    static final String NO_END = "0001-01-01T00:00:00Z";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Payloads() {
    }

    /**
     * An alert as one notification tells it.
     *
     * @param status {@code firing} or {@code resolved}: what the notification says, whatever the alert says since
     */
    public record Told(AlertViews.Alert alert, String status) {
    }

    /** The labels a webhook's notifications are grouped by, as Alertmanager's {@code group_by [alertname, fsid]} would. */
    public static Map<String, String> groupLabels(AlertViews.Alert alert) {
        return new TreeMap<>(Map.of("alertname", alert.name(), "fsid", alert.fsid()));
    }

    /** {@code POST /api/v2/alerts}: a firing alert ends {@code leaseEnd} unless posted again, a resolved one when it resolved. */
    public static ArrayNode alertmanager(List<Told> alerts, Instant leaseEnd, Optional<String> consoleUrl) {
        ArrayNode posted = JSON.arrayNode();
        for (Told told : alerts) {
            ObjectNode alert = common(told.alert(), consoleUrl);
            alert.put("endsAt", "resolved".equals(told.status()) ? ended(told.alert()).toString() : leaseEnd.toString());
            posted.add(alert);
        }
        return posted;
    }

    /** One group's notification to a webhook, as Alertmanager's webhook receiver gets it. */
    public static ObjectNode webhook(String receiver, Map<String, String> groupLabels, List<Told> alerts, Optional<String> consoleUrl) {
        ObjectNode payload = JSON.objectNode();
        payload.put("receiver", receiver);
        payload.put("status", alerts.stream().anyMatch(told -> "firing".equals(told.status())) ? "firing" : "resolved");
        ArrayNode items = payload.putArray("alerts");
        for (Told told : alerts) {
            ObjectNode alert = common(told.alert(), consoleUrl);
            alert.put("status", told.status());
            alert.put("endsAt", "resolved".equals(told.status()) ? ended(told.alert()).toString() : NO_END);
            alert.put("fingerprint", told.alert().fingerprint());
            items.add(alert);
        }
        payload.set("groupLabels", labels(groupLabels));
        payload.set("commonLabels", labels(common(alerts.stream().map(told -> told.alert().labels()).toList())));
        payload.set("commonAnnotations", labels(common(alerts.stream().map(told -> annotations(told.alert())).toList())));
        payload.put("externalURL", consoleUrl.orElse(""));
        payload.put("version", "4");
        payload.put("groupKey", "{}:{" + groupLabels.entrySet().stream().map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(", ")) + "}");
        payload.put("truncatedAlerts", 0);
        return payload;
    }

    /** A mail: its subject as Alertmanager's ({@code [FIRING:2] CephOsdDown (ceph)}), and a plain-text body. */
    public record Mail(String subject, String text) {
    }

    /** One group's notification as a mail: what fires, what resolved, each with what to do and its labels. */
    public static Mail email(Map<String, String> groupLabels, List<Told> alerts, Optional<String> consoleUrl) {
        long firing = alerts.stream().filter(told -> "firing".equals(told.status())).count();
        String cluster = alerts.get(0).alert().labels().getOrDefault("cluster", alerts.get(0).alert().fsid());
        String subject = (firing > 0 ? "[FIRING:" + firing + "] " : "[RESOLVED] ") + groupLabels.get("alertname") + " (" + cluster + ")";
        StringBuilder text = new StringBuilder();
        for (String status : List.of("firing", "resolved")) {
            List<Told> these = alerts.stream().filter(told -> status.equals(told.status())).toList();
            if (these.isEmpty()) {
                continue;
            }
            text.append(status.equals("firing") ? "Firing" : "Resolved").append(":\n\n");
            for (Told told : these) {
                AlertViews.Alert alert = told.alert();
                text.append("* ").append(alert.summary()).append('\n')
                        .append("  ").append(alert.description()).append('\n')
                        .append("  since ").append(alert.activeSince());
                if ("resolved".equals(status)) {
                    text.append(", resolved ").append(ended(alert));
                }
                text.append('\n').append("  ").append(new TreeMap<>(alert.labels())).append('\n')
                        .append("  fingerprint ").append(alert.fingerprint()).append('\n');
                consoleUrl.ifPresent(url -> text.append("  ").append(url.replaceAll("/+$", "")).append("/ui/alerts/").append(alert.id()).append('\n'));
                text.append('\n');
            }
        }
        return new Mail(subject, text.toString());
    }

    private static ObjectNode common(AlertViews.Alert alert, Optional<String> consoleUrl) {
        ObjectNode posted = JSON.objectNode();
        posted.set("labels", labels(alert.labels()));
        posted.set("annotations", labels(annotations(alert)));
        posted.put("startsAt", alert.activeSince().toString());
        posted.put("generatorURL", consoleUrl.map(url -> url.replaceAll("/+$", "") + "/ui/alerts/" + alert.id()).orElse(""));
        return posted;
    }

    private static Instant ended(AlertViews.Alert alert) {
        return alert.resolvedAt() != null ? alert.resolvedAt() : Instant.now();
    }

    private static Map<String, String> annotations(AlertViews.Alert alert) {
        return Map.of("summary", alert.summary(), "description", alert.description());
    }

    /** The labels every one of these has, with the same value. */
    private static Map<String, String> common(List<Map<String, String>> all) {
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<String, String> shared = new HashMap<>(all.get(0));
        all.forEach(labels -> shared.entrySet().removeIf(label -> !label.getValue().equals(labels.get(label.getKey()))));
        return shared;
    }

    private static ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = JSON.objectNode();
        new TreeMap<>(labels).forEach(node::put);
        return node;
    }
}
