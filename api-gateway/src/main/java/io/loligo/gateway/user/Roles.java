package io.loligo.gateway.user;

/** The security roles' names, as constants for {@code @RolesAllowed}. */
public final class Roles {
    /** Reads everything but the users, the agents' keys and the audit log. */
    public static final String READ_ONLY = "read-only";
    /** Runs operations on clusters. */
    public static final String OPERATOR = "operator";
    /** Manages users, roles and agents, reads the audit log, and runs the CLI endpoint. */
    public static final String ADMINISTRATOR = "administrator";

    private Roles() {
    }
}
