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

    /** How failed logins are slowed down and then locked out; see {@code ThrottlePolicy}. */
    Login login();

    /** How long a new API token lives when its creator does not say. */
    @WithDefault("365d")
    Duration apiTokenLifetime();

    /** How long the audit log keeps an entry: it grows with every mutation, so it does not keep them forever. */
    @WithDefault("400d")
    Duration auditRetention();

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
    }
}
