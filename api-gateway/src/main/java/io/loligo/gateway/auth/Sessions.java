package io.loligo.gateway.auth;

import io.loligo.gateway.config.GatewayConfig;
import io.loligo.gateway.user.UserEntity;
import io.loligo.gateway.user.UserRules;
import io.quarkus.cache.CacheResult;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Logins, throttled per user name, per caller's address and in how many are checked at once; the sessions they
 * open, and their end.
 */
@ApplicationScoped
@Transactional
public class Sessions {
    @Inject
    Clock clock;
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

    /** At most this many passwords are checked at once: bcrypt is built to be slow, and a flood must not take every core. */
    static final int CHECKS_AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** How long an attempt waits for its turn before it is told to come back. */
    private static final Duration BUSY_WAIT = Duration.ofSeconds(2);

    private final Semaphore checking = new Semaphore(CHECKS_AT_ONCE);
    private ThrottlePolicy throttle;
    private SourceThrottle sources;

    @PostConstruct
    void init() {
        throttle = new ThrottlePolicy(config.login().freeFailures(), config.login().lockAfter(), config.login().lockFor());
        sources = new SourceThrottle(new ThrottlePolicy(config.login().sourceFreeFailures(), Integer.MAX_VALUE, config.login().lockFor()),
                SourceThrottle.ADDRESSES_REMEMBERED);
    }

    /** How a login, or a check of one's own password, ended. */
    public sealed interface Outcome permits Opened, Verified, Refused, Throttled {
    }

    /** The new session's secrets. Only the client ever holds {@code token} in the clear. */
    public record Opened(String token, String xsrfToken, UserEntity user, Instant expiresAt) implements Outcome {
    }

    /** The password is the user's. */
    public record Verified(long userId) implements Outcome {
    }

    /** Unknown user name or wrong password. */
    public record Refused() implements Outcome {
    }

    /** Why an attempt was not even checked. */
    public enum Holdback {
        /** the user name is locked after too many failures */
        NAME_LOCKED,
        /** too soon after the user name's last failure */
        NAME_WAIT,
        /** too many failures from the caller's address */
        SOURCE_WAIT,
        /** too many passwords being checked at once, from anywhere */
        BUSY
    }

    /** Not tried: come back at {@code until}. */
    public record Throttled(Instant until, Holdback holdback) implements Outcome {
        public boolean locked() {
            return holdback == Holdback.NAME_LOCKED;
        }
    }

    /**
     * Checks the password and opens a session. No transaction is held while bcrypt runs (a tenth of a second): the
     * attempt is counted first, in a short transaction of its own, so that parallel guesses each count, and forgiven
     * when the password is right.
     *
     * @param source the caller's address, throttled too: spraying many names from one address slows that address
     * @throws io.loligo.contracts.refusal.InvalidInput naming {@code username} when no user could have that name
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome login(String username, String password, String source) {
        Outcome checked = check(username, password, source);
        if (!(checked instanceof Verified verified)) {
            return checked;
        }
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            LoginThrottleEntity.deleteById(username);
            SessionEntity session = new SessionEntity();
            String token = Secrets.token();
            session.tokenHash = Secrets.sha256(token);
            session.user = UserEntity.findById(verified.userId());
            session.xsrfToken = Secrets.token();
            session.createdAt = now;
            session.expiresAt = now.plus(config.sessionLifetime());
            session.persist();
            Log.infof("user '%s' logged in", username);
            return new Opened(token, session.xsrfToken, session.user, session.expiresAt);
        });
    }

    /**
     * Checks a user's password under the same throttling as a login, as changing one's own password does: a stolen
     * session must not become a way to guess the password faster.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Outcome verify(String username, String password, String source) {
        Outcome checked = check(username, password, source);
        if (checked instanceof Verified) {
            QuarkusTransaction.requiringNew().run(() -> LoginThrottleEntity.deleteById(username));
        }
        return checked;
    }

    private Outcome check(String username, String password, String source) {
        UserRules.checkLoginName(username);
        Instant now = clock.instant();
        Optional<Instant> sourceWait = sources.waitUntil(source, now);
        if (sourceWait.isPresent()) {
            Log.infof("login for '%s' from %s refused unchecked: too many failures from that address", username, source);
            return new Throttled(sourceWait.get(), Holdback.SOURCE_WAIT);
        }
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(username, now));
        if (claim.throttled() != null) {
            return claim.throttled();
        }
        boolean matches;
        try {
            if (!checking.tryAcquire(BUSY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("login for '%s' from %s refused unchecked: %d passwords are being checked already", username, source, CHECKS_AT_ONCE);
                return new Throttled(now.plus(BUSY_WAIT), Holdback.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Throttled(now.plus(BUSY_WAIT), Holdback.BUSY);
        }
        try {
            matches = BcryptUtil.matches(password, claim.passwordHash() == null ? DECOY_HASH : claim.passwordHash());
        } finally {
            checking.release();
        }
        if (claim.userId() == null || !matches) {
            sources.failed(source, now);
            Log.infof("failed login for '%s' from %s (%d in a row)", username, source, claim.failures());
            return new Refused();
        }
        // an address's failures are not forgiven by a success: one account of one's own must not reset the count
        return new Verified(claim.userId());
    }

    /** An attempt, counted as a failure before it is checked; and whether it may be checked at all. */
    private record Claim(Throttled throttled, Long userId, String passwordHash, int failures) {
    }

    private Claim claim(String username, Instant now) {
        // one claim per name at a time, for the few milliseconds it takes: parallel guesses each count
        entityManager.createNativeQuery("INSERT INTO login_throttle (username, failures, last_failure_at) "
                        + "VALUES (?1, 0, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, username).setParameter(2, Instant.EPOCH).executeUpdate();
        LoginThrottleEntity failures = LoginThrottleEntity.findById(username, LockModeType.PESSIMISTIC_WRITE);
        ThrottlePolicy.Verdict verdict = throttle.verdict(failures.asFailures(), now);
        if (verdict instanceof ThrottlePolicy.Verdict.Locked locked) {
            Log.infof("login for '%s' refused unchecked: locked until %s", username, locked.until());
            return new Claim(new Throttled(locked.until(), Holdback.NAME_LOCKED), null, null, failures.failures);
        }
        if (verdict instanceof ThrottlePolicy.Verdict.Wait wait) {
            Log.infof("login for '%s' refused unchecked: too soon after %d failures", username, failures.failures);
            return new Claim(new Throttled(wait.until(), Holdback.NAME_WAIT), null, null, failures.failures);
        }
        failures.record(throttle.failed(failures.asFailures(), now));
        if (failures.lockedUntil != null) {
            Log.warnf("user name '%s' locked until %s after %d failed logins", username, failures.lockedUntil, failures.failures);
        }
        Optional<UserEntity> user = UserEntity.findByUsername(username);
        return new Claim(null, user.map(found -> found.id).orElse(null), user.map(found -> found.passwordHash).orElse(null),
                failures.failures);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @CacheResult(cacheName = CALLERS)
    public Optional<Caller> find(String token) {
        String hash = Secrets.sha256(token);
        return SessionEntity.<SessionEntity>findByIdOptional(hash)
                .filter(s -> s.expiresAt.isAfter(Instant.now()))
                .map(s -> new Caller(s.user.id, s.user.username, s.user.role, s.xsrfToken, hash, null));
    }

    /**
     * Whether the credentials a caller came with still stand as they did, read afresh: the session or token not
     * ended, the user not deleted nor given another role. A stream opened long ago asks this as it goes on: in a
     * transaction of its own, so that the read is never answered from the stream's long-lived persistence context.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stillStands(Caller caller) {
        Instant now = Instant.now();
        Optional<UserEntity> user = caller.sessionHash() != null
                ? SessionEntity.<SessionEntity>findByIdOptional(caller.sessionHash()).filter(found -> found.expiresAt.isAfter(now)).map(found -> found.user)
                : ApiTokenEntity.<ApiTokenEntity>find("tokenHash", caller.tokenHash()).firstResultOptional()
                        .filter(found -> found.expiresAt == null || found.expiresAt.isAfter(now)).map(found -> found.user);
        return user.filter(found -> found.role == caller.role()).isPresent();
    }

    @CredentialsChange
    public void logout(String token) {
        SessionEntity.deleteById(Secrets.sha256(token));
    }

    /** Ends every session of a user but the one named, after the user's password changed. */
    @CredentialsChange
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
