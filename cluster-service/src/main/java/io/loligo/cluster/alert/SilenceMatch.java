package io.loligo.cluster.alert;

import io.loligo.contracts.api.AlertViews;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Whether a silence's matchers all match an alert's labels, as Alertmanager matches them. Pure. */
public final class SilenceMatch {
    private SilenceMatch() {
    }

    public static boolean matches(List<AlertViews.Matcher> matchers, Map<String, String> labels) {
        return matchers.stream().allMatch(matcher -> matches(matcher, labels.getOrDefault(matcher.name(), "")));
    }

    private static boolean matches(AlertViews.Matcher matcher, String value) {
        boolean same = matcher.isRegex() ? Pattern.compile(matcher.value()).matcher(value).matches() : matcher.value().equals(value);
        return same == matcher.equal();
    }
}
