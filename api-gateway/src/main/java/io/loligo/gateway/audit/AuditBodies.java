package io.loligo.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** What of a request's body the audit log keeps. Pure. */
final class AuditBodies {
    static final String MASK = "***";
    /** A whole CRUSH map fits; a body beyond this is cut, and says so. */
    static final int MAX_CHARS = 16_384;
    private static final Set<String> SECRET_FIELDS = Set.of("password", "old_password");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditBodies() {
    }

    /**
     * The body with the value of every secret field masked, at any depth. A body that is not JSON is not kept,
     * only its size: it could be a mistyped login whose password no parser can find.
     */
    static String kept(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode tree = null;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            // kept as unreadable below
        }
        if (tree == null || tree.isMissingNode()) {
            return "(" + body.length + " bytes, not JSON)";
        }
        mask(tree);
        String text;
        try {
            text = JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always writes", e);
        }
        return text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "… (cut; " + body.length + " bytes in all)";
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELDS.contains(field.getKey())) {
                    field.setValue(object.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(AuditBodies::mask);
        }
    }
}
