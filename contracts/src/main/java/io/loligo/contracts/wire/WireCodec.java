package io.loligo.contracts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes contract records as JSON bytes and decodes whatever the AMQP connector hands over.
 * The connector turns an {@code application/json} body into a Vert.x JSON object, an AMQP string value
 * into a String and other data into bytes, so decoding accepts each of those forms.
 * Its own mapper keeps the wire form independent of each service's REST settings.
 */
public final class WireCodec {
    /** Above this, a body travels gzip-compressed. */
    public static final int COMPRESS_ABOVE_BYTES = 64 * 1024;

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // one encoding for one message, whatever map a sender built: receivers check signatures over it
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // newer agents may add fields; older receivers must still understand the rest
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
     * @throws MalformedMessageException when it is neither bytes nor text, or its compression is broken
     */
    public static byte[] bodyBytes(Object payload) {
        try {
            if (payload instanceof byte[] bytes) {
                return Gzip.isCompressed(bytes) ? Gzip.open(bytes).readAllBytes() : bytes;
            }
            if (payload instanceof Buffer buffer) {
                return bodyBytes(buffer.getBytes());
            }
            if (payload instanceof String text) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MalformedMessageException("a compressed body that cannot be read: " + e.getMessage(), e);
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

    /** @throws MalformedMessageException when the payload is not a valid {@code type} */
    public <T> T decode(Object payload, Class<T> type) {
        try {
            if (payload instanceof JsonObject json) {
                // its map holds Vert.x wrappers for nested arrays and objects, so go through the text
                return mapper.readValue(json.toBuffer().getBytes(), type);
            }
            if (payload instanceof JsonArray || payload == null) {
                throw new MalformedMessageException("expected a JSON object, got " + describe(payload));
            }
            if (payload instanceof Map<?, ?> map) {
                return mapper.convertValue(map, type);
            }
            if (payload instanceof byte[] bytes) {
                return readBytes(bytes, type);
            }
            if (payload instanceof Buffer buffer) {
                return readBytes(buffer.getBytes(), type);
            }
            if (payload instanceof String text) {
                return mapper.readValue(text.getBytes(StandardCharsets.UTF_8), type);
            }
            throw new MalformedMessageException("unexpected payload type " + describe(payload));
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof MalformedMessageException malformed) {
                throw malformed;
            }
            throw new MalformedMessageException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private <T> T readBytes(byte[] bytes, Class<T> type) throws IOException {
        return Gzip.isCompressed(bytes) ? mapper.readValue(Gzip.open(bytes), type) : mapper.readValue(bytes, type);
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
