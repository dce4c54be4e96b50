package io.loligo.contracts.refusal;

/** What the request needs cannot answer now (not yet read, no agent, a dependency down): it may work in seconds. */
public final class Unavailable extends Refusal {

    public Unavailable(String reason, String message) {
        super(Kind.UNAVAILABLE, reason, message, null);
    }
}
