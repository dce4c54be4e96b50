package io.loligo.gateway.auth;

/**
 * A password check the login throttle did not make, outside a login (a user's own password change asks for the old
 * one): answered as a refused login is, with when to try again.
 */
public final class ThrottledLogin extends RuntimeException {
    private final Sessions.Throttled throttled;

    public ThrottledLogin(Sessions.Throttled throttled) {
        super("password check throttled until " + throttled.until());
        this.throttled = throttled;
    }

    public Sessions.Throttled throttled() {
        return throttled;
    }
}
