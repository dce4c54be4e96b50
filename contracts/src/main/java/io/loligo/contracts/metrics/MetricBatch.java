package io.loligo.contracts.metrics;

import io.loligo.contracts.wire.WireCodec;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Points from one agent for metrics-service, already in InfluxDB's line protocol with timestamps in seconds, so
 * that metrics-service writes them as they came instead of decoding and encoding every point. On the wire the lines
 * are the message body, compressed when large, and the other fields travel as application properties. With the text
 * wrapped in JSON, {@code bench metrics} reached 0.77 of a direct write to InfluxDB; without, 0.88.
 *
 * @param schema the version of this record's wire form; receivers reject a schema they do not know
 * @param nodeId the agent that collected the points
 * @param points how many points {@code lines} holds, one per line
 * @param lines the points, one per line, written by {@link LineProtocol}
 */
public record MetricBatch(int schema, String nodeId, int points, String lines) {
    public static final int CURRENT_SCHEMA = 1;

    public MetricBatch {
        if (schema != CURRENT_SCHEMA) {
            throw new IllegalArgumentException("unsupported metric batch schema " + schema);
        }
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(lines, "lines");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
    }

    /** The body's content type on the wire, when it is not compressed. */
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";
    private static final String SCHEMA = "schema";
    private static final String NODE_ID = "node_id";
    private static final String POINTS = "points";

    /** The lines as the message body, compressed when large. */
    public WireCodec.WireMessage body() {
        return WireCodec.asWireMessage(lines.getBytes(StandardCharsets.UTF_8), CONTENT_TYPE);
    }

    /** The message's application properties: the other fields. */
    public Map<String, Object> properties() {
        return Map.of(SCHEMA, schema, NODE_ID, nodeId, POINTS, points);
    }

    /** The agent a batch says it comes from, read from its properties before its body. */
    public static String claimedNode(Map<String, Object> properties) {
        return properties.get(NODE_ID) instanceof String nodeId ? nodeId : null;
    }

    /**
     * @param body the body as the broker client hands it over
     * @param maxBytes the most bytes of lines taken, compressed or inflated
     * @throws io.loligo.contracts.wire.MessageTooLargeException when the body holds more
     * @throws IllegalArgumentException when the message is not a batch of a schema this side knows
     */
    public static MetricBatch fromWire(Object body, Map<String, Object> properties, long maxBytes) {
        String lines = new String(WireCodec.bodyBytes(body, maxBytes), StandardCharsets.UTF_8);
        if (!(properties.get(SCHEMA) instanceof Number schema) || !(properties.get(NODE_ID) instanceof String nodeId)
                || !(properties.get(POINTS) instanceof Number points)) {
            throw new IllegalArgumentException("a metric batch needs the properties schema, node_id and points, not " + properties.keySet());
        }
        return new MetricBatch(schema.intValue(), nodeId, points.intValue(), lines);
    }

    public static MetricBatch of(String nodeId, LineProtocol lines) {
        return new MetricBatch(CURRENT_SCHEMA, nodeId, lines.points(), lines.toString());
    }

    @Override
    public String toString() {
        return "MetricBatch[nodeId=" + nodeId + ", points=" + points + "]";
    }
}
