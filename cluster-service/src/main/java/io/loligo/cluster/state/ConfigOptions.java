package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.ConfigView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The options of a mon's {@code config show}, ordered by key. Pure. */
public final class ConfigOptions {
    /** Options that can hold a cephx secret: the API is read by every role, so their values never leave. */
    private static final Set<String> SECRETS = Set.of("key");
    static final String REDACTED = "(redacted)";

    private ConfigOptions() {
    }

    public static boolean isSecret(String key) {
        return SECRETS.contains(key);
    }

    public static List<ConfigView> from(JsonNode configShow) {
        List<ConfigView> options = new ArrayList<>();
        configShow.fields().forEachRemaining(option -> {
            String value = option.getValue().isValueNode() ? option.getValue().asText() : option.getValue().toString();
            options.add(new ConfigView(option.getKey(),
                    isSecret(option.getKey()) && !value.isEmpty() ? REDACTED : value));
        });
        options.sort(Comparator.comparing(ConfigView::key));
        return options;
    }
}
