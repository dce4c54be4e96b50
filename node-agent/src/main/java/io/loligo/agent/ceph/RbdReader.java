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
 * other read, which share its lock. One read at a time here; a connection whose monitors or OSDs stopped answering
 * in time is dropped and made again by the next read.
 */
@ApplicationScoped
public class RbdReader {
    private final AgentConfig config;
    private final ObjectMapper mapper;
    private RadosHandle handle;

    @Inject
    public RbdReader(AgentConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** A pool's images, as {@link RbdImages#list} answers them, with the OSD map as the monitors have it now. */
    public synchronized JsonNode images(int poolId) {
        try {
            RadosHandle connection = connected();
            connection.awaitLatestOsdMap();
            return new RbdImages(connection, mapper).list(poolId);
        } catch (RadosException e) {
            // a connection whose ops time out is not trusted again: the next read makes a new one
            if (e.monitorsUnreachable()) {
                disconnect();
            }
            throw e;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        disconnect();
    }

    private RadosHandle connected() {
        if (handle == null) {
            handle = RadosHandle.connected(RadosSettings.from(config.ceph()));
        }
        return handle;
    }

    private synchronized void disconnect() {
        if (handle != null) {
            handle.close();
            handle = null;
        }
    }
}
