package io.loligo.contracts.refusal;

import io.loligo.contracts.api.Problem;

import java.util.List;

/** Input the domain cannot take: every offending field named at once, or one reason for the whole request. */
public final class InvalidInput extends Refusal {

    public InvalidInput(List<Problem.FieldError> errors) {
        super(Kind.INVALID_INPUT, "InvalidInput", "invalid input: "
                + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()), errors);
    }

    /** A request refused as a whole, not for one field (nothing would change, the page does not exist). */
    public InvalidInput(String reason, String message) {
        super(Kind.INVALID_INPUT, reason, message, null);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new Problem.FieldError(field, message)));
    }

    /** Collects a form's errors first, then refuses them all at once, or nothing. */
    public static void refuseIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
