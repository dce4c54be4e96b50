package io.loligo.gateway.user;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotAllowed;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.gateway.auth.ApiTokenEntity;
import io.loligo.gateway.auth.ApiTokens;
import io.loligo.gateway.auth.Caller;
import io.loligo.gateway.auth.CredentialsChange;
import io.loligo.gateway.auth.Sessions;
import io.loligo.gateway.auth.ThrottledLogin;
import io.loligo.gateway.config.GatewayConfig;
import io.loligo.gateway.user.UserForms.TokenForm;
import io.loligo.gateway.user.UserForms.TokenView;
import io.loligo.gateway.user.UserForms.UserForm;
import io.loligo.gateway.user.UserForms.UserView;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Users and their API tokens. Administrators manage everyone; other users see and change only themselves
 * ({@code me}, or their own id), and only their e-mail address and password.
 */
@ApplicationScoped
@Transactional
public class Users {
    static final String ME = "me";

    @Inject
    Sessions sessions;
    @Inject
    ApiTokens apiTokens;
    @Inject
    GatewayConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return UserEntity.<UserEntity>list("order by id").stream().map(UserView::of).toList();
    }

    public UserView create(UserForm form, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw InvalidInput.of("body", "must be a user: username, password, email, role");
        }
        UserRules.checkUsername(form.username(), errors);
        UserRules.checkPassword("password", form.password(), errors);
        UserRules.checkEmail(form.email(), errors);
        Role role = form.role() == null ? Role.READ_ONLY : UserRules.role(form.role(), errors);
        if (errors.isEmpty() && UserEntity.findByUsername(form.username()).isPresent()) {
            errors.add(new FieldError("username", "is taken"));
        }
        InvalidInput.refuseIfAny(errors);
        UserEntity user = new UserEntity();
        user.username = form.username();
        user.email = form.email() == null ? "" : form.email();
        user.passwordHash = BcryptUtil.bcryptHash(form.password());
        user.role = role;
        user.createdAt = Instant.now();
        user.persist();
        Log.infof("user '%s' created by '%s' with role %s", user.username, caller.username(), role.roleName());
        return UserView.of(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserView get(String id, Caller caller) {
        return UserView.of(visible(id, caller));
    }

    /** @param source the caller's address: checking one's own old password is throttled as a login is */
    @CredentialsChange
    public UserView update(String id, UserForm form, Caller caller, String source) {
        UserEntity user = visible(id, caller);
        if (form == null) {
            throw InvalidInput.of("body", "must name what changes: email, password, role");
        }
        boolean self = user.id == caller.userId();
        List<FieldError> errors = new ArrayList<>();
        if (form.username() != null && !form.username().equals(user.username)) {
            errors.add(new FieldError("username", "cannot change; create a new user instead"));
        }
        UserRules.checkEmail(form.email(), errors);
        if (form.password() != null) {
            UserRules.checkPassword("password", form.password(), errors);
            // a stolen session must not be enough to take the account over, nor to guess its password faster
            if (self && form.oldPassword() == null) {
                errors.add(new FieldError("old_password", "is required to change your own password"));
            } else if (self) {
                Sessions.Outcome checked = sessions.verify(user.username, form.oldPassword(), source);
                if (checked instanceof Sessions.Throttled throttled) {
                    throw new ThrottledLogin(throttled);
                }
                if (!(checked instanceof Sessions.Verified)) {
                    errors.add(new FieldError("old_password", "is wrong"));
                }
            }
        }
        Role role = form.role() == null ? user.role : UserRules.role(form.role(), errors);
        InvalidInput.refuseIfAny(errors);
        if (role != user.role) {
            if (caller.role() != Role.ADMINISTRATOR) {
                throw new NotAllowed("RoleNotAllowed", "only an administrator assigns roles");
            }
            requireAnotherAdministrator(user, "demote");
            Log.infof("user '%s' is now %s, by '%s'", user.username, role.roleName(), caller.username());
            user.role = role;
        }
        if (form.email() != null) {
            user.email = form.email();
        }
        if (form.password() != null) {
            user.passwordHash = BcryptUtil.bcryptHash(form.password());
            sessions.endOtherSessions(user, self ? caller.sessionHash() : null);
            sessions.forgetFailures(user.username);
            boolean revoke = !Boolean.FALSE.equals(form.revokeTokens());
            int revoked = revoke ? apiTokens.revokeAll(user) : 0;
            Log.infof("password of user '%s' changed by '%s'; their other sessions ended, %s", user.username, caller.username(),
                    revoke ? revoked + " API tokens revoked" : "their API tokens kept");
        }
        return UserView.of(user);
    }

    @CredentialsChange
    public void delete(String id, Caller caller) {
        UserEntity user = visible(id, caller);
        requireAnotherAdministrator(user, "delete");
        user.delete();
        Log.infof("user '%s' deleted by '%s'", user.username, caller.username());
    }

    /** In one round trip for a user who has tokens: the user is looked for only when none are found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> tokens(String id, Caller caller) {
        long userId = visibleId(id, caller);
        List<ApiTokenEntity> tokens = apiTokens.of(userId);
        if (tokens.isEmpty()) {
            existing(userId);
        }
        return tokens.stream().map(token -> view(token, null)).toList();
    }

    public TokenView createToken(String id, TokenForm form, Caller caller) {
        UserEntity user = visible(id, caller);
        List<FieldError> errors = new ArrayList<>();
        if (form == null || form.name() == null || form.name().isBlank()) {
            errors.add(new FieldError("name", "is required, to tell the token apart later"));
        } else if (form.name().length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters long"));
        }
        Integer days = form == null ? null : form.expiresInDays();
        if (days != null && (days < 1 || days > 3650)) {
            errors.add(new FieldError("expires_in_days", "must be from 1 to 3650"));
        }
        InvalidInput.refuseIfAny(errors);
        ApiTokens.Created created = apiTokens.create(user, form.name().strip(),
                days == null ? config.apiTokenLifetime() : Duration.ofDays(days));
        return view(created.entity(), created.token());
    }

    public void revokeToken(String id, String tokenId, Caller caller) {
        UserEntity user = visible(id, caller);
        long parsed;
        try {
            parsed = Long.parseLong(tokenId.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("token_id", "must be a token id (a whole number), not '" + tokenId + "'");
        }
        if (!apiTokens.revoke(user, parsed)) {
            throw new NotFound("Token", "user '" + user.username + "' has no API token " + parsed);
        }
    }

    /**
     * The user {@code id} names, if the caller may see it. Others are refused before they are looked up, so that
     * a non-administrator cannot learn which ids exist.
     */
    private UserEntity visible(String id, Caller caller) {
        return existing(visibleId(id, caller));
    }

    /**
     * @throws InvalidInput naming the id when it is neither a number nor {@code me}; NotAllowed when it is another
     * user's and the caller no administrator
     */
    private long visibleId(String id, Caller caller) {
        long userId;
        if (ME.equals(id)) {
            userId = caller.userId();
        } else {
            try {
                userId = Long.parseLong(id.strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.of("id", "must be a user id (a whole number) or 'me', not '" + id + "'");
            }
        }
        if (userId != caller.userId() && caller.role() != Role.ADMINISTRATOR) {
            throw new NotAllowed("NotYourAccount", "only an administrator sees and changes other users");
        }
        return userId;
    }

    private static UserEntity existing(long userId) {
        return UserEntity.<UserEntity>findByIdOptional(userId)
                .orElseThrow(() -> new NotFound("User", "there is no user " + userId));
    }

    /** Someone must still be able to manage users afterwards. */
    private static void requireAnotherAdministrator(UserEntity user, String verb) {
        if (user.role == Role.ADMINISTRATOR && UserEntity.administrators() <= 1) {
            throw new Conflict("LastAdministrator", "cannot " + verb + " '" + user.username + "', the only administrator");
        }
    }

    private static TokenView view(ApiTokenEntity token, String secret) {
        return new TokenView(token.id, token.name, token.hint, secret, token.createdAt, token.expiresAt, token.lastUsedAt);
    }
}
