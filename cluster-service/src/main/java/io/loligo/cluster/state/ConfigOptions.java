package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.ConfigView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The options of a mon's {@code config show}, ordered by key; secrets were withheld before it was kept. Pure. */
public final class ConfigOptions {
    private ConfigOptions() {
    }

    public static List<ConfigView> from(JsonNode configShow) {
        List<ConfigView> options = new ArrayList<>();
        configShow.fields().forEachRemaining(option -> {
            String value = option.getValue().isValueNode() ? option.getValue().asText() : option.getValue().toString();
            options.add(new ConfigView(option.getKey(), value));
        });
        options.sort(Comparator.comparing(ConfigView::key));
        return options;
    }
}
