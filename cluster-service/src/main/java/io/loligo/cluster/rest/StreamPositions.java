package io.loligo.cluster.rest;

import io.loligo.cluster.live.LiveUpdates;
import io.loligo.contracts.api.LiveUpdate;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer says how many live updates this instance had published when it was made: the gateway keeps no read
 * of a state it has not heard of yet ({@link LiveUpdate#position}).
 */
public class StreamPositions {
    @Inject
    LiveUpdates updates;

    @ServerResponseFilter
    public void mark(ContainerResponseContext response) {
        response.getHeaders().putSingle(LiveUpdate.POSITION_HEADER, updates.position());
    }
}
