package io.loligo.gateway.user;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a user may do. Each role includes the ones below it: an operator also reads, an administrator also operates.
 * Endpoints name the least role they need (see {@link Roles}).
 */
public enum Role {
    READ_ONLY(Roles.READ_ONLY),
    OPERATOR(Roles.OPERATOR, Roles.READ_ONLY),
    ADMINISTRATOR(Roles.ADMINISTRATOR, Roles.OPERATOR, Roles.READ_ONLY);

    private final String roleName;
    private final Set<String> granted;

    Role(String roleName, String... included) {
        this.roleName = roleName;
        this.granted = Set.copyOf(Stream.concat(Stream.of(roleName), Arrays.stream(included)).toList());
    }

    public String roleName() {
        return roleName;
    }

    /** This role's name and those of the roles it includes: the security roles its users hold. */
    public Set<String> grantedRoleNames() {
        return granted;
    }

    /** The role with this name, as clients write it. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.roleName.equals(name)).findFirst();
    }
}
