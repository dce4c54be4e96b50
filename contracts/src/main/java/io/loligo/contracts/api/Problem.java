package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * An RFC 9457 problem ({@code application/problem+json}), the body of every error Loligo answers.
 * {@code reason} is the machine-readable cause, stable across releases; {@code detail} is for people.
 *
 * @param errors for invalid input, one entry per offending field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("reason") String reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("errors") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String reason, String detail) {
        return new Problem("about:blank", title, status, reason, detail, null);
    }

    /** One invalid input field: {@code field} names it as the client sent it. */
    public record FieldError(@JsonProperty("field") String field, @JsonProperty("message") String message) {
    }
}
