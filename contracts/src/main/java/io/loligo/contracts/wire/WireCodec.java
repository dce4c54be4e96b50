package io.loligo.contracts.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.loligo.contracts.command.MapContentReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes contract records as JSON bytes and decodes whatever the AMQP connector hands over.
 * The connector turns an {@code application/json} body into a Vert.x JSON object, an AMQP string value
 * into a String and other data into bytes, so decoding accepts each of those forms.
 * Its own mapper keeps the wire form independent of each service's REST settings.
 * <p>
 * Every body is bounded before it is read: a decode names the most JSON bytes it takes, which a compressed body may
 * not inflate past either, and nesting is limited, so that a message built to exhaust memory is refused instead.
 */
public final class WireCodec {
    /** Above this, a body travels gzip-compressed. */
    public static final int COMPRESS_ABOVE_BYTES = 64 * 1024;
    /** The bound of a decode that names none: the largest map a cluster of tens of thousands of OSDs sends. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /**
     * The most JSON the broker client parses by itself, before any check of ours: every sender compresses a body
     * past {@link #COMPRESS_ABOVE_BYTES}, and the client hands compressed bodies over as bytes.
     */
    public static final int CONNECTOR_JSON_BYTES = 1024 * 1024;
    /** Ceph's deepest JSON nests a dozen levels; nothing we read needs more than this. */
    public static final int MAX_NESTING = 64;

    private final ObjectMapper mapper = new ObjectMapper(limited(new JsonFactory(), Long.MAX_VALUE))
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // one encoding for one message, whatever map a sender built: receivers check signatures over it
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // newer agents may add fields; older receivers must still understand the rest
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Bounds what a JSON factory parses: the broker client's, whose parse of an {@code application/json} body comes
     * before any check of ours, and this codec's own.
     */
    public static JsonFactory limited(JsonFactory factory, long maxDocumentBytes) {
        return factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                .maxDocumentLength(maxDocumentBytes).build());
    }

    /**
     * Bounds the broker client's own parse of {@code application/json} bodies, which it makes before a message reaches
     * any code of ours. Every service that consumes from the broker calls this before its channels open.
     *
     * @param connectorMapper the mapper behind Vert.x's JSON codec ({@code QuarkusJacksonJsonCodec.mapper()})
     */
    public static void limitConnectorParsing(ObjectMapper connectorMapper) {
        limited(connectorMapper.getFactory(), CONNECTOR_JSON_BYTES);
    }

    public byte[] encode(Object message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * A message as it goes on the broker. Large bodies are compressed and labelled {@code application/gzip}
     * rather than JSON with a gzip content encoding: the connector parses every {@code application/json} body into
     * a Vert.x map whatever its encoding, which for a large map costs more than the map's own decoding.
     */
    public WireMessage toWire(Object message) {
        return asWireMessage(encode(message));
    }

    /** JSON that is already encoded, as it goes on the broker. */
    public static WireMessage asWireMessage(byte[] json) {
        return asWireMessage(json, "application/json");
    }

    /** Any body, as it goes on the broker: labelled with its content type, or compressed when large. */
    public static WireMessage asWireMessage(byte[] body, String contentType) {
        return body.length > COMPRESS_ABOVE_BYTES ? new WireMessage(Gzip.compress(body), "application/gzip")
                : new WireMessage(body, contentType);
    }

    /**
     * A body that is not JSON as the broker client hands it over, uncompressed.
     *
     * @throws MessageTooLargeException when it is, or inflates to, more than {@code maxBytes}
     * @throws MalformedMessageException when it is neither bytes nor text, or its compression is broken
     */
    public static byte[] bodyBytes(Object payload, long maxBytes) {
        try {
            if (payload instanceof byte[] bytes) {
                checkSize(bytes.length, maxBytes);
                return Gzip.isCompressed(bytes) ? Gzip.open(bytes, maxBytes).readAllBytes() : bytes;
            }
            if (payload instanceof Buffer buffer) {
                return bodyBytes(buffer.getBytes(), maxBytes);
            }
            if (payload instanceof String text) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                checkSize(bytes.length, maxBytes);
                return bytes;
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        throw new MalformedMessageException("expected bytes or text, got " + describe(payload));
    }

    public record WireMessage(byte[] body, String contentType) {
    }

    /** A record as a JSON tree in the wire form, for keeping it where JSON is kept. */
    public JsonNode toTree(Object message) {
        return mapper.valueToTree(message);
    }

    /** @throws MalformedMessageException when the tree is not a valid {@code type} */
    public <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedMessageException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /** @throws MalformedMessageException when the payload is not a valid {@code type} of at most {@link #DEFAULT_MAX_BYTES} */
    public <T> T decode(Object payload, Class<T> type) {
        return decode(payload, type, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxBytes the most JSON the message may hold, compressed or once inflated
     * @throws MessageTooLargeException when the payload holds more
     * @throws MalformedMessageException when the payload is not a valid {@code type}
     */
    public <T> T decode(Object payload, Class<T> type, long maxBytes) {
        return decode(payload, type, maxBytes, null);
    }

    /**
     * As {@link #decode(Object, Class, long)}, reading each map's content so that it shares the parts of the copy held
     * of it (see {@link SharedTrees}).
     *
     * @param held the copies held, or null to read every content afresh
     */
    public <T> T decode(Object payload, Class<T> type, long maxBytes, MapContentReader.HeldMaps held) {
        ObjectReader reader = held == null ? mapper.readerFor(type) : mapper.readerFor(type).withAttribute(MapContentReader.HeldMaps.class, held);
        try {
            if (payload instanceof JsonObject json) {
                // its map holds Vert.x wrappers for nested arrays and objects, so go through the text
                byte[] text = json.toBuffer().getBytes();
                checkSize(text.length, maxBytes);
                return reader.readValue(text);
            }
            if (payload instanceof JsonArray || payload == null) {
                throw new MalformedMessageException("expected a JSON object, got " + describe(payload));
            }
            if (payload instanceof Map<?, ?> map) {
                return mapper.convertValue(map, type);
            }
            if (payload instanceof byte[] bytes) {
                return readBytes(bytes, reader, maxBytes);
            }
            if (payload instanceof Buffer buffer) {
                return readBytes(buffer.getBytes(), reader, maxBytes);
            }
            if (payload instanceof String text) {
                return readBytes(text.getBytes(StandardCharsets.UTF_8), reader, maxBytes);
            }
            throw new MalformedMessageException("unexpected payload type " + describe(payload));
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof MalformedMessageException malformed) {
                throw malformed;
            }
            Throwable cause = e;
            while (cause != null && !(cause instanceof Gzip.InflatedTooFar)) {
                cause = cause.getCause();
            }
            if (cause instanceof Gzip.InflatedTooFar tooFar) {
                throw new MessageTooLargeException(tooFar.limit());
            }
            throw new MalformedMessageException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private static <T> T readBytes(byte[] bytes, ObjectReader reader, long maxBytes) throws IOException {
        checkSize(bytes.length, maxBytes);
        if (!Gzip.isCompressed(bytes)) {
            return reader.readValue(bytes);
        }
        try (InputStream inflated = Gzip.open(bytes, maxBytes)) {
            return reader.readValue(inflated);
        }
    }

    private static void checkSize(long bytes, long maxBytes) {
        if (bytes > maxBytes) {
            throw new MessageTooLargeException(maxBytes);
        }
    }

    private static MalformedMessageException unreadable(IOException e) {
        return e instanceof Gzip.InflatedTooFar tooFar ? new MessageTooLargeException(tooFar.limit())
                : new MalformedMessageException("a compressed body that cannot be read: " + e.getMessage(), e);
    }

    private static String describe(Object payload) {
        return payload == null ? "nothing" : payload.getClass().getSimpleName();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // Jackson appends the source location over several lines; the first line names the problem
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
