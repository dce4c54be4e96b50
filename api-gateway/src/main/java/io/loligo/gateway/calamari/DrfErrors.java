package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.contracts.api.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loligo's problems in the shapes Calamari's clients read, which are Django REST Framework 2.3's: invalid fields as
 * {@code {"field": ["message", ...]}}, everything else as {@code {"detail": "..."}}. A request without a login is a
 * 403, not a 401: DRF answers so when the authentication in use (Django's session) has no challenge to send, and
 * Calamari's UI takes a 403 as "log in again". Pure.
 */
final class DrfErrors {
    static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    static final String CSRF_FAILED = "CSRF Failed: CSRF token missing or incorrect.";
    static final String PERMISSION_DENIED = "You do not have permission to perform this action.";

    private DrfErrors() {
    }

    static Response translate(Problem problem, String method, String contentType) {
        int status = problem.status();
        Object body;
        if (status == 401) {
            status = 403;
            body = detail(NOT_AUTHENTICATED);
        } else if ("XsrfTokenMismatch".equals(problem.reason())) {
            body = detail(CSRF_FAILED);
        } else if ("RoleNotAllowed".equals(problem.reason())) {
            body = detail(PERMISSION_DENIED);
        } else if (status == 405) {
            body = detail("Method '" + method + "' not allowed.");
        } else if (status == 415) {
            body = detail("Unsupported media type '" + contentType + "' in request.");
        } else if (isUnreadableBody(problem)) {
            body = detail("JSON parse error - " + problem.errors().get(0).message());
        } else if (problem.errors() != null && !problem.errors().isEmpty()) {
            body = fields(problem.errors());
        } else {
            body = detail(problem.detail() == null ? problem.title() : problem.detail());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Calamari answered some refusals with a bare JSON string rather than an object. */
    static Response bare(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JsonNodeFactory.instance.textNode(message)).build();
    }

    static Map<String, String> detail(String message) {
        return Map.of("detail", message);
    }

    /** Each field's messages in the order they came, as DRF's serializers list them. */
    static Map<String, List<String>> fields(List<Problem.FieldError> errors) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Problem.FieldError error : errors) {
            byField.computeIfAbsent(error.field(), any -> new ArrayList<>()).add(error.message());
        }
        return byField;
    }

    /** A body that is not JSON at all: DRF's parser failed before any serializer saw a field. */
    private static boolean isUnreadableBody(Problem problem) {
        return problem.errors() != null && problem.errors().size() == 1 && "body".equals(problem.errors().get(0).field())
                && problem.errors().get(0).message().startsWith("is not valid");
    }
}
