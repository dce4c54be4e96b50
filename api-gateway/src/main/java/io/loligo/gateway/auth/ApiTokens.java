package io.loligo.gateway.auth;

import io.loligo.gateway.user.UserEntity;
import io.quarkus.cache.CacheResult;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Bearer tokens that users create for their scripts, and revoke. */
@ApplicationScoped
@Transactional
public class ApiTokens {
    /** Marks our tokens, so that secret scanners and people can tell them apart from other secrets. */
    static final String PREFIX = "lgo_";
    /** A token in use is marked used at most this often, so that a busy script does not write on every call. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    /** A new token; {@code token} is shown to its creator once and never stored. */
    public record Created(ApiTokenEntity entity, String token) {
    }

    public Created create(UserEntity user, String name, Duration lifetime) {
        String token = PREFIX + Secrets.token();
        ApiTokenEntity entity = new ApiTokenEntity();
        entity.user = user;
        entity.name = name;
        entity.tokenHash = Secrets.sha256(token);
        entity.hint = token.substring(0, PREFIX.length() + 6);
        entity.createdAt = Instant.now();
        entity.expiresAt = entity.createdAt.plus(lifetime);
        entity.persist();
        Log.infof("user '%s' has a new API token '%s' (id %d)", user.username, name, entity.id);
        return new Created(entity, token);
    }

    /** Their user comes in the same query: the entity loads it eagerly, which would otherwise take a second one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiTokenEntity> of(long userId) {
        return ApiTokenEntity.list("from ApiTokenEntity t join fetch t.user where t.user.id = ?1 order by t.createdAt", userId);
    }

    /** Whether the user had a token with this id, which is gone now. */
    @CredentialsChange
    public boolean revoke(UserEntity user, long id) {
        boolean revoked = ApiTokenEntity.delete("user = ?1 and id = ?2", user, id) > 0;
        if (revoked) {
            Log.infof("API token %d of user '%s' revoked", id, user.username);
        }
        return revoked;
    }

    /** Ends every token of the user, as when their password changes; @return how many there were */
    @CredentialsChange
    public int revokeAll(UserEntity user) {
        return (int) ApiTokenEntity.delete("user", user);
    }

    @CacheResult(cacheName = Sessions.CALLERS)
    public Optional<Caller> find(String token) {
        Instant now = Instant.now();
        String hash = Secrets.sha256(token);
        return ApiTokenEntity.<ApiTokenEntity>find("tokenHash", hash).firstResultOptional()
                .filter(found -> found.expiresAt == null || found.expiresAt.isAfter(now))
                .map(found -> {
                    if (found.lastUsedAt == null || found.lastUsedAt.plus(USE_RESOLUTION).isBefore(now)) {
                        found.lastUsedAt = now;
                    }
                    return new Caller(found.user.id, found.user.username, found.user.role, null, null, hash);
                });
    }
}
