package io.loligo.contracts.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * How the gateway proves to cluster-service and metrics-service that a call is its own, and who it acts for: an
 * HMAC-SHA256, under the secret the services share ({@code loligo.internal.secret}), of the call's method, path and
 * query, the time, and the acting user. A call without it, with another user, another path, or older than
 * {@link #MAX_AGE}, is refused. Both sides use this class. Pure.
 */
public final class ServiceTokens {
    /** The header that carries the token: {@code t=<epoch seconds>,s=<base64url HMAC>}. */
    public static final String HEADER = "X-Loligo-Service";
    /** How far the signer's clock and the checker's may differ, and how long a copied token could be played again. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final String ALGORITHM = "HmacSHA256";

    private ServiceTokens() {
    }

    /**
     * @param pathAndQuery the raw path and query, as sent
     * @param user the acting user, or null for the services' own calls
     */
    public static String sign(byte[] secret, String method, String pathAndQuery, String user, Instant now) {
        long seconds = now.getEpochSecond();
        return "t=" + seconds + ",s=" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret, method, pathAndQuery, user, seconds));
    }

    /** Why a call's token does not prove it, if it does not. */
    public static Optional<String> refusal(byte[] secret, String token, String method, String pathAndQuery, String user, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.of("no " + HEADER + " header: only Loligo's own services call this API");
        }
        String[] parts = token.split(",", 2);
        if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("s=")) {
            return Optional.of(HEADER + " is not t=<seconds>,s=<signature>");
        }
        long seconds;
        byte[] signature;
        try {
            seconds = Long.parseLong(parts[0].substring(2));
            signature = Base64.getUrlDecoder().decode(parts[1].substring(2));
        } catch (IllegalArgumentException e) {
            return Optional.of(HEADER + " is not t=<seconds>,s=<signature>");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_AGE.toSeconds()) {
            return Optional.of(HEADER + " is too old, or from a clock far off");
        }
        if (!MessageDigest.isEqual(signature, mac(secret, method, pathAndQuery, user, seconds))) {
            return Optional.of(HEADER + " does not sign this call");
        }
        return Optional.empty();
    }

    /** A secret as configured: its UTF-8 bytes. */
    public static byte[] secret(String configured) {
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] mac(byte[] secret, String method, String pathAndQuery, String user, long seconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            String signed = method + "\n" + pathAndQuery + "\n" + seconds + "\n" + (user == null ? "" : user);
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
