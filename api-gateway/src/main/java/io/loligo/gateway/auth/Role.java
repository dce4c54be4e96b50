package io.loligo.gateway.auth;

/** What a user may do. The names are the security roles that endpoints require. */
public enum Role {
    READ_ONLY("read-only"),
    OPERATOR("operator"),
    ADMINISTRATOR("administrator");

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
