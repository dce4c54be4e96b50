package io.loligo.gateway.live;

import io.loligo.contracts.refusal.LimitReached;
import io.loligo.gateway.auth.Caller;
import io.loligo.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams open, counted per user: each holds a connection and a buffer, so a user holds at most
 * {@code loligo.gateway.max-streams-per-user} of them. Users with none open are not remembered.
 */
@ApplicationScoped
public class LiveStreams {
    private final Map<Long, Integer> open = new ConcurrentHashMap<>();

    @Inject
    GatewayConfig config;

    /** @throws LimitReached when the user holds as many streams as allowed already */
    public void open(Caller caller) {
        int limit = config.maxStreamsPerUser();
        boolean[] refused = {false};
        open.compute(caller.userId(), (user, count) -> {
            int now = count == null ? 0 : count;
            if (now >= limit) {
                refused[0] = true;
                return count;
            }
            return now + 1;
        });
        if (refused[0]) {
            throw new LimitReached("TooManyStreams", "user '" + caller.username() + "' has " + limit
                    + " live streams open already; close one (a console tab holds one)");
        }
    }

    public void closed(Caller caller) {
        open.computeIfPresent(caller.userId(), (user, count) -> count <= 1 ? null : count - 1);
    }
}
