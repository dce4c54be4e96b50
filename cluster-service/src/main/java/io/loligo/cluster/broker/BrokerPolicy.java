package io.loligo.cluster.broker;

import io.loligo.contracts.bus.BusRoutes;

/**
 * What an agent may do on the broker, decided for RabbitMQ operation by operation. Every agent that proved its key
 * may publish its own heartbeats, to ask to be accepted, take its own command queue, answer what it finds there, and
 * hear the accepted agents' heartbeats as cluster-service passes them on. Only an accepted agent also sends metric
 * batches. Each agent publishes under routing keys that end in its own node id only, and never hears another's
 * heartbeat straight from it.
 * <p>
 * A pending agent's queue holds at most commands left from before, say when its key was deleted, and cluster-service
 * drops its replies. They are let through the broker all the same, and so are the heartbeats a pending agent hears,
 * because a refusal costs more than it saves: a refused subscription is never made again by the AMQP connector, and
 * a refused reply leaves the agent waiting for it, unable to take the next command.
 */
public record BrokerPolicy(BusRoutes routes) {
    /** How far an agent that logged in is trusted. */
    public enum Standing { PENDING, ACCEPTED }

    private static final String DEFAULT_VHOST = "/";
    private static final String PRIVATE_QUEUE_PREFIX = "amq.gen-";

    public boolean mayEnter(String vhost) {
        return DEFAULT_VHOST.equals(vhost);
    }

    /**
     * @param kind {@code exchange} or {@code queue}
     * @param permission {@code configure}, {@code write} or {@code read}
     */
    public boolean mayUse(String nodeId, String kind, String name, String permission) {
        return switch (kind) {
            // writing is further limited to the agent's own routing keys (mayRoute); reading binds its peers' queue
            case "exchange" -> BusRoutes.EXCHANGE.equals(name) && ("write".equals(permission) || "read".equals(permission));
            case "queue" -> name.equals(routes.commandQueue(nodeId)) && !"write".equals(permission)
                    // the private queue behind the subscription to the peers' heartbeats, named by the broker
                    || name.startsWith(PRIVATE_QUEUE_PREFIX);
            default -> false;
        };
    }

    /** @param permission {@code write} to publish with the routing key, {@code read} to bind a queue with it */
    public boolean mayRoute(String nodeId, Standing standing, String exchange, String permission, String routingKey) {
        if (!BusRoutes.EXCHANGE.equals(exchange) || routingKey == null) {
            return false;
        }
        boolean accepted = standing == Standing.ACCEPTED;
        return switch (permission) {
            case "write" -> routingKey.equals(routes.heartbeat(nodeId)) || routingKey.equals(routes.reply(nodeId))
                    || accepted && routingKey.equals(routes.metrics(nodeId));
            case "read" -> routes.isPeer(routingKey);
            default -> false;
        };
    }
}
