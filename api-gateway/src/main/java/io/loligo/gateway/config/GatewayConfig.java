package io.loligo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** api-gateway's settings, under {@code loligo.gateway}. */
@ConfigMapping(prefix = "loligo.gateway")
public interface GatewayConfig {

    /** How long a browser session lives without a new login. */
    @WithDefault("12h")
    Duration sessionLifetime();

    /** Whether session cookies carry the Secure flag; on whenever the gateway is reached over HTTPS. */
    @WithDefault("false")
    boolean secureCookies();

    /**
     * Where the generated password of the first administrator is written (mode 600) at first start.
     * Without it the password goes to the log only.
     */
    Optional<Path> initialAdminPasswordFile();

    /**
     * The first administrator's password, from a Secret, where a log is read by more people than should log in as
     * the administrator (Kubernetes): given, it is used and never written anywhere.
     */
    Optional<String> initialAdminPassword();

    /** How failed logins are slowed down and then locked out; see {@code ThrottlePolicy}. */
    Login login();

    /** How long a new API token lives when its creator does not say. */
    @WithDefault("365d")
    Duration apiTokenLifetime();

    /** How long the audit log keeps an entry: it grows with every mutation, so it does not keep them forever. */
    @WithDefault("400d")
    Duration auditRetention();

    /**
     * The largest body a request may carry; a larger one is a 413 before any of it is read. A whole CRUSH map of
     * 10,000 OSDs is about 2 MB. Below {@code quarkus.http.limits.max-body-size} (10 MiB), whose own refusal has
     * no body to explain it.
     */
    @WithDefault("8388608")
    long maxBodyBytes();

    /** Live streams one user may hold open at once: a console tab holds one. */
    @WithDefault("8")
    int maxStreamsPerUser();

    interface Login {
        /** Consecutive failures that cost nothing. */
        @WithDefault("3")
        int freeFailures();

        /** Consecutive failures that lock the user name. */
        @WithDefault("10")
        int lockAfter();

        /** How long a lock lasts. */
        @WithDefault("15m")
        Duration lockFor();

        /**
         * Failed logins from one address, whatever the names, before that address waits 1 s, 2 s, 4 s... between
         * attempts; forgotten {@code lock-for} after its last failure.
         */
        @WithDefault("20")
        int sourceFreeFailures();
    }
}
