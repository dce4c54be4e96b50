package io.loligo.contracts.refusal;

/** A caller's share of something finite is used up; it may try again once it frees some. */
public final class LimitReached extends Refusal {

    public LimitReached(String reason, String message) {
        super(Kind.LIMIT_REACHED, reason, message, null);
    }
}
