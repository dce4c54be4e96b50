package io.loligo.contracts.wire;

/** A message larger than its receiver takes, compressed or once inflated: refused before it costs more than its bound. */
public class MessageTooLargeException extends MalformedMessageException {
    public MessageTooLargeException(long maxBytes) {
        super("larger than the " + maxBytes + " bytes taken");
    }
}
