package io.loligo.contracts.refusal;

/** Not allowed to this caller, or not in the thing's present state (a command an OSD that is down cannot take). */
public final class NotAllowed extends Refusal {

    public NotAllowed(String reason, String message) {
        super(Kind.NOT_ALLOWED, reason, message, null);
    }
}
