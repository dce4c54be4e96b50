package io.loligo.contracts.api;

import jakarta.ws.rs.WebApplicationException;

import java.util.List;

/**
 * An answer decided at the HTTP edge itself, as a problem: its status, a stable machine {@code reason}, a message for
 * people, and for invalid input the offending fields. It carries a status the domain's {@code Refusal}s do not speak
 * of (401, 413), and what another service answered, passed on as that service gave it.
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

    public Problem problem() {
        return new Problem("about:blank", ProblemMapper.title(getResponse().getStatus()), getResponse().getStatus(),
                reason, getMessage(), errors);
    }
}
