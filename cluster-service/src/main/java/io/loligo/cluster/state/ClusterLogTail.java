package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.UsageViews;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The newest cluster log entries at or above a priority, from {@code log last}, written as ceph.log writes them. Pure. */
public final class ClusterLogTail {
    public static final int DEFAULT_LINES = 40;
    public static final int MAX_LINES = 1000;
    /** Ceph's priorities, lowest first, by the names {@code ceph log last} takes and the marks it prints. */
    private static final List<String> LEVELS = List.of("debug", "info", "sec", "warn", "error");
    private static final List<String> MARKS = List.of("[DBG]", "[INF]", "[SEC]", "[WRN]", "[ERR]");

    private final int lines;
    private final int lowest;

    /** @throws InvalidInput naming each invalid parameter */
    public ClusterLogTail(String lines, String level) {
        List<FieldError> errors = new ArrayList<>();
        Integer parsedLines = QueryValues.integer("lines", lines, 1, errors);
        if (parsedLines != null && parsedLines > MAX_LINES) {
            errors.add(new FieldError("lines", "must be at most " + MAX_LINES));
        }
        String levelName = QueryValues.blankToNull(level) == null ? "info" : level.strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(levelName)) {
            errors.add(new FieldError("level", "must be one of " + String.join(", ", LEVELS)));
        }
        InvalidInput.refuseIfAny(errors);
        this.lines = parsedLines == null ? DEFAULT_LINES : parsedLines;
        this.lowest = LEVELS.indexOf(levelName);
    }

    /** @param entries {@code log last} output, oldest first */
    public UsageViews.ClusterLog apply(JsonNode entries) {
        List<UsageViews.LogEntry> shown = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (MARKS.indexOf(entry.path("priority").asText()) >= lowest) {
                shown.add(new UsageViews.LogEntry(entry.path("stamp").asText(), entry.path("name").asText(),
                        entry.path("seq").asLong(), entry.path("channel").asText(), entry.path("priority").asText(),
                        entry.path("message").asText()));
            }
        }
        List<UsageViews.LogEntry> tail = shown.subList(Math.max(0, shown.size() - lines), shown.size());
        StringBuilder text = new StringBuilder();
        for (UsageViews.LogEntry entry : tail) {
            text.append(entry.stamp()).append(' ').append(entry.name()).append(' ').append(entry.seq()).append(" : ")
                    .append(entry.channel()).append(' ').append(entry.priority()).append(' ').append(entry.message()).append('\n');
        }
        return new UsageViews.ClusterLog(text.toString(), List.copyOf(tail));
    }
}
