package io.loligo.contracts.refusal;

/** A thing the request names does not exist; the reason is always {@code <Thing>NotFound}. */
public final class NotFound extends Refusal {

    /** @param thing what is missing, in UpperCamelCase: {@code "Image"} gives the reason {@code ImageNotFound} */
    public NotFound(String thing, String message) {
        super(Kind.NOT_FOUND, thing + "NotFound", message, null);
    }
}
