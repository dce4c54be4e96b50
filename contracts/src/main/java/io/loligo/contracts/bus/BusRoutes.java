package io.loligo.contracts.bus;

import java.util.Objects;

/**
 * Where agent traffic goes on the broker, under a prefix that keeps a platform apart from the tests on the same broker.
 * Everything an agent publishes goes through {@code amq.topic} under a routing key that ends in its node id, so that
 * the broker can hold each agent to its own keys. Queues of the default exchange could not be limited that way: the
 * right to publish there is the right to publish into every queue.
 */
public record BusRoutes(String prefix) {
    /** The exchange agents publish to. */
    public static final String EXCHANGE = "amq.topic";

    public BusRoutes {
        Objects.requireNonNull(prefix, "prefix");
    }

    public String heartbeat(String nodeId) {
        return prefix + ".heartbeat." + nodeId;
    }

    public String reply(String nodeId) {
        return prefix + ".reply." + nodeId;
    }

    public String metrics(String nodeId) {
        return prefix + ".metrics." + nodeId;
    }

    /** The durable queue that holds an agent's commands; cluster-service sends to it through the default exchange. */
    public String commandQueue(String nodeId) {
        return prefix + ".cmd." + nodeId;
    }

    /** An accepted agent's heartbeat as cluster-service passes it on to the agents, the only ones they hear. */
    public String peer(String nodeId) {
        return prefix + ".peer." + nodeId;
    }

    public boolean isPeer(String routingKey) {
        return routingKey.startsWith(prefix + ".peer.");
    }
}
