package io.loligo.contracts.api;

import jakarta.ws.rs.WebApplicationException;

/**
 * An error a REST client must see as a problem: its status, a stable machine {@code reason}, and a message for people.
 */
public class ApiException extends WebApplicationException {
    private final String reason;

    public ApiException(int status, String reason, String detail) {
        super(detail, status);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
