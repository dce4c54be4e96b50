package io.loligo.gateway.calamari;

import io.loligo.contracts.api.Problem;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DrfErrorsTest {

    @Test
    void noLoginIsA403SayingNoCredentialsCame() {
        Response answer = DrfErrors.translate(Problem.of(401, "Unauthorized", "NotAuthenticated", "log in"), "GET", null);
        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(answer.getEntity()).isEqualTo(Map.of("detail", "Authentication credentials were not provided."));
    }

    @Test
    void invalidFieldsBecomeListsOfMessagesByField() {
        Problem invalid = new Problem("about:blank", "Bad Request", 400, "InvalidInput", "invalid input",
                List.of(new Problem.FieldError("size", "must be between 1 and 10"), new Problem.FieldError("size", "is odd"),
                        new Problem.FieldError("name", "is taken")));
        Response answer = DrfErrors.translate(invalid, "POST", "application/json");
        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getEntity()).isEqualTo(Map.of("size", List.of("must be between 1 and 10", "is odd"), "name", List.of("is taken")));
    }

    @Test
    void everythingElseIsADetailInDjangoRestFrameworksWordsWhereItHadThem() {
        assertThat(DrfErrors.translate(Problem.of(403, "Forbidden", "XsrfTokenMismatch", "echo it"), "POST", null).getEntity())
                .isEqualTo(Map.of("detail", "CSRF Failed: CSRF token missing or incorrect."));
        assertThat(DrfErrors.translate(Problem.of(403, "Forbidden", "RoleNotAllowed", "no"), "POST", null).getEntity())
                .isEqualTo(Map.of("detail", "You do not have permission to perform this action."));
        assertThat(DrfErrors.translate(Problem.of(405, "Method Not Allowed", "MethodNotAllowed", "x"), "DELETE", null).getEntity())
                .isEqualTo(Map.of("detail", "Method 'DELETE' not allowed."));
        assertThat(DrfErrors.translate(Problem.of(415, "Unsupported Media Type", "UnsupportedMediaType", "x"), "POST", "text/csv").getEntity())
                .isEqualTo(Map.of("detail", "Unsupported media type 'text/csv' in request."));
        Response unavailable = DrfErrors.translate(Problem.of(503, "Service Unavailable", "NoAgent", "no agent reports it"), "GET", null);
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(unavailable.getEntity()).isEqualTo(Map.of("detail", "no agent reports it"));
        Problem unreadable = new Problem("about:blank", "Bad Request", 400, "InvalidInput", "invalid input: body",
                List.of(new Problem.FieldError("body", "is not valid: Unexpected end-of-input")));
        assertThat(DrfErrors.translate(unreadable, "POST", "application/json").getEntity())
                .isEqualTo(Map.of("detail", "JSON parse error - is not valid: Unexpected end-of-input"));
    }
}
