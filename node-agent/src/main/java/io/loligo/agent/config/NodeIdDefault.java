package io.loligo.agent.config;

import io.loligo.contracts.host.LocalHost;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Supplies the host's fqdn as the default {@code loligo.agent.node-id}, below every other source, so that the
 * channel addresses in application.properties can name the agent's own queue.
 */
public class NodeIdDefault implements ConfigSource {
    static final String KEY = "loligo.agent.node-id";
    private volatile String fqdn;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, fqdn());
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? fqdn() : null;
    }

    @Override
    public String getName() {
        return "loligo-node-id-default";
    }

    @Override
    public int getOrdinal() {
        // beneath application.properties (250), environment variables (300) and system properties (400)
        return 50;
    }

    private String fqdn() {
        if (fqdn == null) {
            fqdn = LocalHost.fqdn();
        }
        return fqdn;
    }
}
