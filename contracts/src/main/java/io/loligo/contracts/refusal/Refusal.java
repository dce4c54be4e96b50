package io.loligo.contracts.refusal;

import io.loligo.contracts.api.Problem;

import java.util.List;

/**
 * A request the domain refuses: a stable machine {@code reason} (UpperCamelCase; a missing thing's is
 * {@code <Thing>NotFound}), a message for people, and for invalid input the offending fields. Domain code throws these
 * and never speaks HTTP; each service answers them once, at its REST edge, as a problem with the kind's status.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidInput, NotAllowed, NotFound, Conflict, LimitReached, Unavailable, DependencyFailed,
        DependencyTimedOut {

    /** What kind of refusal, which is all the edge needs to choose a status. */
    public enum Kind { INVALID_INPUT, NOT_ALLOWED, NOT_FOUND, CONFLICT, LIMIT_REACHED, UNAVAILABLE, DEPENDENCY_FAILED,
        DEPENDENCY_TIMED_OUT }

    private final Kind kind;
    private final String reason;
    private final List<Problem.FieldError> errors;

    Refusal(Kind kind, String reason, String message, List<Problem.FieldError> errors) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    /** The offending fields of invalid input; {@code null} for every other refusal. */
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
