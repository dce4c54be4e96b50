package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.config.AgentConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * RBD reads on a librados connection of their own. Listing a pool opens each of its images, a few milliseconds each,
 * seconds for a large pool: on the probe's connection that would hold up its polls of the map versions and every
 * other read, which share its lock. One read at a time here.
 */
@ApplicationScoped
public class RbdReader {
    private final ObjectMapper mapper;
    private final OwnConnection connection;

    @Inject
    public RbdReader(AgentConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.connection = new OwnConnection(RadosSettings.from(config.ceph()));
    }

    /** A pool's images, as {@link RbdImages#list} answers them, with the OSD map as the monitors have it now. */
    public JsonNode images(int poolId) {
        return connection.use(handle -> {
            handle.awaitLatestOsdMap();
            return new RbdImages(handle, mapper).list(poolId);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        connection.close();
    }
}
