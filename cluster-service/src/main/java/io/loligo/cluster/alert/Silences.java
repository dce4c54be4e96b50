package io.loligo.cluster.alert;

import io.loligo.cluster.live.LiveUpdates;
import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Silences: made, listed and ended by operators; asked by the notifier and the alerts' views which hold now. */
@ApplicationScoped
@Transactional
public class Silences {
    /** How long an expired silence stays listed. */
    static final Duration LISTED_AFTER_END = Duration.ofDays(1);
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    @Inject
    LiveUpdates live;

    public AlertViews.Silence create(AlertForms.Silence form, String user, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (form.matchers() == null || form.matchers().isEmpty()) {
            errors.add(new FieldError("matchers", "at least one matcher is required: a silence of every alert is not one"));
        } else {
            for (int at = 0; at < form.matchers().size(); at++) {
                checkMatcher(form.matchers().get(at), "matchers[" + at + "]", errors);
            }
        }
        Instant startsAt = form.startsAt() == null ? now : time(form.startsAt(), "starts_at", errors);
        Instant endsAt = form.endsAt() == null ? null : time(form.endsAt(), "ends_at", errors);
        if (form.endsAt() == null) {
            errors.add(new FieldError("ends_at", "required: when the silence ends"));
        } else if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("ends_at", "must be after starts_at"));
        } else if (endsAt != null && !endsAt.isAfter(now)) {
            errors.add(new FieldError("ends_at", "must be in the future"));
        }
        if (form.comment() == null || form.comment().isBlank()) {
            errors.add(new FieldError("comment", "required: say why, for whoever finds the silence"));
        }
        InvalidInput.refuseIfAny(errors);
        SilenceEntity silence = new SilenceEntity();
        silence.id = UUID.randomUUID();
        silence.matchers = List.copyOf(form.matchers());
        silence.startsAt = startsAt;
        silence.endsAt = endsAt;
        silence.createdBy = user;
        silence.comment = form.comment().strip();
        silence.createdAt = now;
        silence.persist();
        changed();
        return view(silence, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertViews.Silence> list(Instant now) {
        return SilenceEntity.<SilenceEntity>list("endsAt > ?1 order by startsAt desc", now.minus(LISTED_AFTER_END)).stream()
                .map(silence -> view(silence, now)).toList();
    }

    public AlertViews.Silence expire(String id, Instant now) {
        SilenceEntity silence = find(id);
        if (silence.endsAt.isAfter(now)) {
            silence.endsAt = now;
            if (silence.startsAt.isAfter(now)) {
                silence.startsAt = now;
            }
            changed();
        }
        return view(silence, now);
    }

    /** The silences active now, by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<AlertViews.Matcher>> active(Instant now) {
        Map<String, List<AlertViews.Matcher>> active = new LinkedHashMap<>();
        SilenceEntity.<SilenceEntity>list("startsAt <= ?1 and endsAt > ?1", now).forEach(silence -> active.put(silence.id.toString(), silence.matchers));
        return active;
    }

    /** The active silences that match these labels. */
    public static List<String> silencing(Map<String, List<AlertViews.Matcher>> active, Map<String, String> labels) {
        return active.entrySet().stream().filter(silence -> SilenceMatch.matches(silence.getValue(), labels)).map(Map.Entry::getKey).toList();
    }

    private SilenceEntity find(String id) {
        return ById.find(id, UUID::fromString, key -> SilenceEntity.<SilenceEntity>findById(key), "silence");
    }

    private static void checkMatcher(AlertViews.Matcher matcher, String field, List<FieldError> errors) {
        if (matcher == null) {
            errors.add(new FieldError(field, "a matcher is {name, value, is_regex, is_equal}"));
            return;
        }
        if (matcher.name() == null || !LABEL_NAME.matcher(matcher.name()).matches()) {
            errors.add(new FieldError(field + ".name", "a label name: letters, digits and _, not starting with a digit"));
        }
        if (matcher.value() == null) {
            errors.add(new FieldError(field + ".value", "required"));
        } else if (matcher.isRegex()) {
            try {
                Pattern.compile(matcher.value());
            } catch (PatternSyntaxException e) {
                errors.add(new FieldError(field + ".value", "not a regular expression: " + e.getDescription()));
            }
        }
    }

    private static Instant time(String text, String field, List<FieldError> errors) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 time such as 2026-12-07T10:00:00Z"));
            return null;
        }
    }

    private void changed() {
        // silences change which alerts are silenced, in every cluster
        live.afterCommit(LiveUpdate.ALERT, "silences", null, () -> Map.of("silences", true));
    }

    static AlertViews.Silence view(SilenceEntity silence, Instant now) {
        String state = silence.startsAt.isAfter(now) ? "pending" : silence.endsAt.isAfter(now) ? "active" : "expired";
        return new AlertViews.Silence(silence.id.toString(), silence.matchers, silence.startsAt, silence.endsAt, silence.createdBy,
                silence.comment, state);
    }
}
