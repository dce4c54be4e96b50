package io.loligo.gateway.auth;

import io.loligo.gateway.config.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Logins, the sessions they open, and their end. */
@ApplicationScoped
@Transactional
public class Sessions {
    /**
     * Compared against when the user does not exist, so that an unknown name costs as long as a wrong password
     * and response times do not reveal which names exist.
     */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash(Secrets.password());

    @Inject
    GatewayConfig config;

    /** The new session's secrets. Only the client ever holds {@code token} in the clear. */
    public record Opened(String token, String xsrfToken, UserEntity user, Instant expiresAt) {
    }

    /** The session a token belongs to, with its user, if it has not expired. */
    public record Active(String username, Role role, String xsrfToken) {
    }

    public Optional<Opened> login(String username, String password) {
        Optional<UserEntity> user = UserEntity.findByUsername(username);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DECOY_HASH));
        if (user.isEmpty() || !matches) {
            Log.infof("failed login for '%s'", username);
            return Optional.empty();
        }
        SessionEntity session = new SessionEntity();
        String token = Secrets.token();
        session.tokenHash = Secrets.sha256(token);
        session.user = user.get();
        session.xsrfToken = Secrets.token();
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(config.sessionLifetime());
        session.persist();
        Log.infof("user '%s' logged in", username);
        return Optional.of(new Opened(token, session.xsrfToken, session.user, session.expiresAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Active> find(String token) {
        return SessionEntity.<SessionEntity>findByIdOptional(Secrets.sha256(token))
                .filter(s -> s.expiresAt.isAfter(Instant.now()))
                .map(s -> new Active(s.user.username, s.user.role, s.xsrfToken));
    }

    public void logout(String token) {
        SessionEntity.deleteById(Secrets.sha256(token));
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        SessionEntity.delete("expiresAt < ?1", Instant.now());
    }
}
