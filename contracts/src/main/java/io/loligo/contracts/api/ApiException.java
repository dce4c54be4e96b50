package io.loligo.contracts.api;

import jakarta.ws.rs.WebApplicationException;

import java.util.List;

/**
 * An error a REST client must see as a problem: its status, a stable machine {@code reason}, a message for people,
 * and for invalid input the offending fields.
 */
public class ApiException extends WebApplicationException {
    private final String reason;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String reason, String detail) {
        this(status, reason, detail, null);
    }

    public ApiException(int status, String reason, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.reason = reason;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** A 400 naming every invalid field. */
    public static ApiException invalid(List<Problem.FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
        return new ApiException(400, "InvalidInput", "invalid input: " + fields, errors);
    }

    /** Collects a form's errors first, then refuses them all in one 400, or nothing. */
    public static void refuseIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public Problem problem() {
        return new Problem("about:blank", ProblemMapper.title(getResponse().getStatus()), getResponse().getStatus(),
                reason, getMessage(), errors);
    }
}
