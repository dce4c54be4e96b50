package io.loligo.gateway.user;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** What clients send and get about users and their API tokens, in Calamari's user shape and beyond. */
public final class UserForms {
    private UserForms() {
    }

    /**
     * A user as an administrator creates one, or the fields a change sets; absent fields stay as they are.
     *
     * @param revokeTokens with a new password: whether the user's API tokens end too (by default they do, as whoever
     *                     had the old password may have made one)
     */
    public record UserForm(
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("password") String password,
            @JsonProperty("old_password") String oldPassword,
            @JsonProperty("role") String role,
            @JsonProperty("revoke_tokens") Boolean revokeTokens) {
    }

    public record UserView(
            @JsonProperty("id") long id,
            @JsonProperty("username") String username,
            @JsonProperty("email") String email,
            @JsonProperty("role") String role,
            @JsonProperty("created_at") Instant createdAt) {

        static UserView of(UserEntity user) {
            return new UserView(user.id, user.username, user.email, user.role.roleName(), user.createdAt);
        }
    }

    /** A new API token: a name to recognise it by, and how long it may live (the configured default if absent). */
    public record TokenForm(
            @JsonProperty("name") String name,
            @JsonProperty("expires_in_days") Integer expiresInDays) {
    }

    /** A token as listed. {@code token} holds the secret only in the answer that created it. */
    public record TokenView(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("hint") String hint,
            @JsonProperty("token") String token,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("expires_at") Instant expiresAt,
            @JsonProperty("last_used_at") Instant lastUsedAt) {
    }
}
