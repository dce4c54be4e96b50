package io.loligo.contracts.refusal;

import io.loligo.contracts.api.Problem;

import java.util.List;

/** A change that contradicts what exists (a name taken, a request already ended, a pool still in use). */
public final class Conflict extends Refusal {

    public Conflict(String reason, String message) {
        super(Kind.CONFLICT, reason, message, null);
    }

    /** A conflict a form's fields caused, named as for invalid input (the name a new thing would take). */
    public Conflict(String reason, String message, List<Problem.FieldError> errors) {
        super(Kind.CONFLICT, reason, message, errors);
    }
}
