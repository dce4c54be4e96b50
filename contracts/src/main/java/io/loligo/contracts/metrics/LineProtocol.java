package io.loligo.contracts.metrics;

import java.util.Map;
import java.util.Set;

/**
 * Writes points in InfluxDB's line protocol, only for the measurements, tags and fields {@link Measurement} knows.
 * Every field is written as a float, so a field keeps one type in InfluxDB whatever value it had first.
 */
public final class LineProtocol {
    private final StringBuilder out = new StringBuilder();
    private int points;

    /**
     * @param tags a value for each of the measurement's tags
     * @param fields values for some of the measurement's fields, always with its {@link Measurement#presentField()};
     *               a NaN or infinite value is left out, and a point without a finite present field is left out whole
     * @param epochSeconds the point's time
     */
    public LineProtocol add(Measurement measurement, Map<String, String> tags, Map<String, Double> fields, long epochSeconds) {
        if (!tags.keySet().equals(Set.copyOf(measurement.tags()))) {
            throw new IllegalArgumentException(measurement.influxName() + " takes the tags " + measurement.tags() + ", not " + tags.keySet());
        }
        fields.keySet().stream().filter(field -> !measurement.fields().contains(field)).findFirst().ifPresent(field -> {
            throw new IllegalArgumentException(measurement.influxName() + " has no field " + field);
        });
        Double present = fields.get(measurement.presentField());
        if (present == null || !Double.isFinite(present)) {
            return this;
        }
        out.append(measurement.influxName());
        // line protocol wants tags sorted by key for the fastest writes
        measurement.tags().stream().sorted().forEach(tag -> {
            String value = tags.get(tag);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(measurement.influxName() + " needs a value for tag " + tag);
            }
            out.append(',').append(tag).append('=');
            escape(value);
        });
        char separator = ' ';
        for (Map.Entry<String, Double> field : fields.entrySet()) {
            double value = field.getValue();
            if (Double.isFinite(value)) {
                out.append(separator).append(field.getKey()).append('=').append(value);
                separator = ',';
            }
        }
        out.append(' ').append(epochSeconds).append('\n');
        points++;
        return this;
    }

    public int points() {
        return points;
    }

    public boolean isEmpty() {
        return points == 0;
    }

    /** The points, one per line. */
    @Override
    public String toString() {
        return out.toString();
    }

    /** Tag values escape commas, equals signs and spaces; newlines cannot be escaped and become spaces. */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case ',', '=', ' ' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append("\\ ");
                default -> out.append(c);
            }
        }
    }
}
