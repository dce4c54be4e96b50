package io.loligo.gateway.auth;

import io.loligo.gateway.config.GatewayConfig;
import io.loligo.gateway.user.UserEntity;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** Logins, throttled per user name, the sessions they open, and their end. */
@ApplicationScoped
@Transactional
public class Sessions {
    /**
     * Who each session and API token belongs to, as last read. A change to a user or a credential empties it here;
     * other gateway replicas see the change when their entry expires ({@code quarkus.cache.caffeine.callers.*}).
     */
    public static final String CALLERS = "callers";
    /**
     * Compared against when the user does not exist, so that an unknown name costs as long as a wrong password
     * and response times do not reveal which names exist.
     */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash(Secrets.password());

    @Inject
    GatewayConfig config;
    @Inject
    EntityManager entityManager;

    private ThrottlePolicy throttle;

    @PostConstruct
    void init() {
        throttle = new ThrottlePolicy(config.login().freeFailures(), config.login().lockAfter(), config.login().lockFor());
    }

    /** How a login ended. */
    public sealed interface Outcome permits Opened, Refused, Throttled {
    }

    /** The new session's secrets. Only the client ever holds {@code token} in the clear. */
    public record Opened(String token, String xsrfToken, UserEntity user, Instant expiresAt) implements Outcome {
    }

    /** Unknown user name or wrong password. */
    public record Refused() implements Outcome {
    }

    /** Not tried: too many failures for this name. {@code locked} tells a lock from a wait. */
    public record Throttled(Instant until, boolean locked) implements Outcome {
    }

    public Outcome login(String username, String password) {
        Instant now = Instant.now();
        // one attempt per name at a time: parallel guesses queue here instead of slipping past the count
        entityManager.createNativeQuery("INSERT INTO login_throttle (username, failures, last_failure_at) "
                        + "VALUES (?1, 0, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, username).setParameter(2, Instant.EPOCH).executeUpdate();
        LoginThrottleEntity failures = LoginThrottleEntity.findById(username, LockModeType.PESSIMISTIC_WRITE);
        ThrottlePolicy.Verdict verdict = throttle.verdict(failures.asFailures(), now);
        if (verdict instanceof ThrottlePolicy.Verdict.Locked locked) {
            Log.infof("login for '%s' refused unchecked: locked until %s", username, locked.until());
            return new Throttled(locked.until(), true);
        }
        if (verdict instanceof ThrottlePolicy.Verdict.Wait wait) {
            Log.infof("login for '%s' refused unchecked: too soon after %d failures", username, failures.failures);
            return new Throttled(wait.until(), false);
        }
        Optional<UserEntity> user = UserEntity.findByUsername(username);
        boolean matches = BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DECOY_HASH));
        if (user.isEmpty() || !matches) {
            failures.record(throttle.failed(failures.asFailures(), now));
            if (failures.lockedUntil != null) {
                Log.warnf("user name '%s' locked until %s after %d failed logins", username, failures.lockedUntil, failures.failures);
            } else {
                Log.infof("failed login for '%s' (%d in a row)", username, failures.failures);
            }
            return new Refused();
        }
        failures.delete();
        SessionEntity session = new SessionEntity();
        String token = Secrets.token();
        session.tokenHash = Secrets.sha256(token);
        session.user = user.get();
        session.xsrfToken = Secrets.token();
        session.createdAt = now;
        session.expiresAt = now.plus(config.sessionLifetime());
        session.persist();
        Log.infof("user '%s' logged in", username);
        return new Opened(token, session.xsrfToken, session.user, session.expiresAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @CacheResult(cacheName = CALLERS)
    public Optional<Caller> find(String token) {
        String hash = Secrets.sha256(token);
        return SessionEntity.<SessionEntity>findByIdOptional(hash)
                .filter(s -> s.expiresAt.isAfter(Instant.now()))
                .map(s -> new Caller(s.user.id, s.user.username, s.user.role, s.xsrfToken, hash));
    }

    @CacheInvalidateAll(cacheName = CALLERS)
    public void logout(String token) {
        SessionEntity.deleteById(Secrets.sha256(token));
    }

    /** Ends every session of a user but the one named, after the user's password changed. */
    @CacheInvalidateAll(cacheName = CALLERS)
    public void endOtherSessions(UserEntity user, String keptSessionHash) {
        SessionEntity.delete("user = ?1 and tokenHash <> ?2", user, keptSessionHash == null ? "" : keptSessionHash);
    }

    /** A new password, set by an administrator, lifts a lock too. */
    public void forgetFailures(String username) {
        LoginThrottleEntity.deleteById(username);
    }

    @Scheduled(every = "10m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        Instant now = Instant.now();
        SessionEntity.delete("expiresAt < ?1", now);
        // a name whose last failure is older than a lock has nothing left to slow down
        LoginThrottleEntity.delete("lastFailureAt < ?1 and (lockedUntil is null or lockedUntil < ?2)",
                now.minus(config.login().lockFor()), now);
    }
}
