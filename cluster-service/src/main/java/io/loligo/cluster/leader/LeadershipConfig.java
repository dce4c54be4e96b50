package io.loligo.cluster.leader;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "loligo.leadership")
public interface LeadershipConfig {
    /** How often a standby tries for the lock, and a leader checks it still holds it. */
    @WithDefault("2s")
    Duration checkInterval();

    /**
     * Where the other instances reach this one when it leads, such as {@code http://<pod IP>:8481}. Unset, this
     * host's name and the HTTP port.
     */
    Optional<String> advertisedUrl();
}
