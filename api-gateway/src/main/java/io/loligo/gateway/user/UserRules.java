package io.loligo.gateway.user;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a user name, a password and an e-mail address acceptable. Pure. */
public final class UserRules {
    /** Django's rule, which Calamari's users followed. */
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]{1,150}");
    static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads no further: a longer password would hide a shorter one that works as well. */
    static final int MAX_PASSWORD_BYTES = 72;

    private UserRules() {
    }

    static void checkUsername(String username, List<FieldError> errors) {
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 1 to 150 letters, digits and the characters . @ + - _"));
        }
    }

    /**
     * A name given to log in: one no user can have is refused at once (400), before it is looked up, counted or
     * logged, so that no length or control character reaches the database or the log.
     */
    public static void checkLoginName(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw InvalidInput.of("username", "must be 1 to 150 letters, digits and the characters . @ + - _");
        }
    }

    static void checkPassword(String field, String password, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters long"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError(field, "must be at most " + MAX_PASSWORD_BYTES + " bytes long in UTF-8"));
        }
    }

    static void checkEmail(String email, List<FieldError> errors) {
        if (email != null && !email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            errors.add(new FieldError("email", "must be an e-mail address such as ops@example.com"));
        }
    }

    static Role role(String name, List<FieldError> errors) {
        return Role.named(name).orElseGet(() -> {
            errors.add(new FieldError("role", "must be read-only, operator or administrator, not '" + name + "'"));
            return null;
        });
    }
}
