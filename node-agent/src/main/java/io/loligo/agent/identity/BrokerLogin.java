package io.loligo.agent.identity;

import io.loligo.agent.config.AgentConfig;
import io.smallrye.reactive.messaging.ClientCustomizer;
import io.vertx.amqp.AmqpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logs every channel in to the broker as {@link AgentConfig#brokerLogin()} says. The user it logs in as is also the
 * {@code user-id} of every message the agent sends: the broker refuses any other, so receivers know which agent
 * a message came from.
 */
@ApplicationScoped
public class BrokerLogin implements ClientCustomizer<AmqpClientOptions> {
    private final String username;
    private final String password;

    @Inject
    public BrokerLogin(AgentConfig config, AgentKey key, @ConfigProperty(name = "amqp-username") String configuredUser) {
        if (config.brokerLogin() == AgentConfig.BrokerLogin.KEY) {
            username = config.nodeId();
            password = key.brokerPassword(username);
        } else {
            username = configuredUser;
            password = null;
        }
    }

    /** The broker user this agent's messages come from. */
    public String username() {
        return username;
    }

    @Override
    public AmqpClientOptions customize(String channel, Config channelConfig, AmqpClientOptions options) {
        return password == null ? options : options.setUsername(username).setPassword(password);
    }
}
