package io.loligo.metrics.query;

import java.util.LinkedHashMap;
import java.util.Map;

/** InfluxDB's series key, {@code measurement,tag=value,...}, with line protocol's escapes. Pure. */
final class SeriesKey {
    private SeriesKey() {
    }

    static Map<String, String> tags(String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        StringBuilder part = new StringBuilder();
        String tag = null;
        boolean measurement = true;
        for (int i = 0; i <= key.length(); i++) {
            char c = i < key.length() ? key.charAt(i) : ',';
            if (c == '\\' && i + 1 < key.length()) {
                part.append(key.charAt(++i));
            } else if (c == '=' && !measurement && tag == null) {
                tag = part.toString();
                part.setLength(0);
            } else if (c == ',') {
                if (!measurement && tag != null) {
                    tags.put(tag, part.toString());
                }
                measurement = false;
                tag = null;
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return tags;
    }
}
