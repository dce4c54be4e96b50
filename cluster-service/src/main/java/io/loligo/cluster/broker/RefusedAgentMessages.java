package io.loligo.cluster.broker;

import io.loligo.contracts.wire.RefusedMessages;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The heartbeats and replies refused before they were acted on: counted by reason, logged sparingly (a sender
 * chooses how many it sends), and shown in the liveness check's data ({@link RefusedAgentMessagesHealth}).
 */
@ApplicationScoped
public class RefusedAgentMessages {
    private final RefusedMessages refused = new RefusedMessages();

    /**
     * @param reason a short machine name, such as {@code too-large}
     * @param format what happened, for the log, with its arguments
     */
    public void refuse(String reason, String format, Object... arguments) {
        if (refused.count(reason)) {
            Log.warnf("refused an agent message (%s, %d so far): %s", reason, refused.counts().get(reason), String.format(format, arguments));
        }
    }

    /** How many were refused for each reason since the service started. */
    public Map<String, Long> counts() {
        return refused.counts();
    }
}
