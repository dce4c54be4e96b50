package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calamari took form bodies wherever it took JSON (Django REST Framework's form and multipart parsers), so the
 * Calamari faces read them as the JSON object they stand for: each field's last value, as text, which the
 * serializers then read as DRF's did. Loligo's own API, which reads records rather than trees, takes JSON only.
 */
@Provider
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class FormBodies implements MessageBodyReader<JsonNode> {
    /** Far above any form Calamari had; a body beyond it is refused unread. */
    static final int MOST_BYTES = 1 << 20;
    private static final Pattern FIELD_NAME = Pattern.compile("(?i)content-disposition:[^\\r\\n]*;\\s*name=\"([^\"]*)\"");

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                             MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MOST_BYTES + 1);
        if (bytes.length > MOST_BYTES) {
            throw InvalidInput.of("body", "is larger than " + MOST_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (mediaType.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipart(text, mediaType.getParameters().get("boundary"));
        }
        return urlEncoded(text);
    }

    static ObjectNode urlEncoded(String text) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            fields.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return fields;
    }

    /** The text parts of a multipart form; Calamari's API had no file uploads. */
    static ObjectNode multipart(String text, String boundary) {
        if (boundary == null || boundary.isEmpty()) {
            throw InvalidInput.of("body", "is multipart without a boundary");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String part : text.split(Pattern.quote("--" + boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            Matcher name = FIELD_NAME.matcher(part.substring(0, headersEnd));
            if (name.find()) {
                String value = part.substring(headersEnd + 4);
                fields.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
            }
        }
        return fields;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw InvalidInput.of("body", "is not a valid form: " + badEscape.getMessage());
        }
    }
}
