package io.loligo.cluster.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who is who on the broker, and what is taken from it, under {@code loligo.broker}. */
@ConfigMapping(prefix = "loligo.broker")
public interface BrokerConfig {

    /** The broker user the services log in as; its messages are believed whatever agent they name. */
    @WithName("services-user")
    @WithDefault("${amqp-username}")
    String servicesUser();

    /**
     * More names no agent may take, such as the broker's other internal users: the broker asks the HTTP auth backend
     * about a name whose internal password did not match, and an agent name is whatever an agent chooses.
     */
    @WithDefault("guest,admin,administrator,rabbitmq")
    List<String> reservedUsers();

    /** The most JSON a heartbeat may hold, compressed or inflated: an agent's is a few kilobytes. */
    @WithDefault("1048576")
    long heartbeatMaxBytes();

    /** The most JSON a reply may hold, compressed or inflated: a map of 10,000 OSDs is about 30 MB. */
    @WithDefault("67108864")
    long replyMaxBytes();

    /**
     * How far a heartbeat's {@code sentAt} may be from this service's clock: older ones are replays (or an agent's
     * clock is wrong, which Ceph's monitors would complain of long before).
     */
    @WithDefault("2m")
    Duration heartbeatMaxSkew();

    /**
     * How many agents may wait for a decision at once: anyone who reaches the broker can ask under a new name, and
     * each costs a row and an event.
     */
    @WithDefault("100")
    int maxPendingKeys();

    /** Every name that is not an agent's: the services' own and the reserved ones. */
    default Set<String> notAgents() {
        return Stream.concat(Stream.of(servicesUser()), reservedUsers().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
