package io.loligo.cluster.request;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "loligo.requests")
public interface RequestConfig {
    /** How long an agent may take to answer one change before its request fails. */
    @WithDefault("30s")
    Duration replyTimeout();

    /**
     * How long a request may wait to start while no agent of its cluster reports, as during a broker restart, before
     * it fails.
     */
    @WithDefault("30s")
    Duration agentWait();

    /** How long the OSD map may take to show a change once made: propagation takes well under a second. */
    @WithDefault("60s")
    Duration mapTimeout();

    /**
     * How long a complete request follows the data its change moves (its status counts the objects still misplaced
     * or degraded) before it leaves the rest to the cluster's health.
     */
    @WithDefault("1h")
    Duration movementFollowLimit();
}
