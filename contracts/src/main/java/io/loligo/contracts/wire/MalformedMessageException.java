package io.loligo.contracts.wire;

/** A message that cannot be decoded into its contract record. It is rejected, never retried. */
public class MalformedMessageException extends IllegalArgumentException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
