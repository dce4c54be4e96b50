package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.QueryValues;
import io.loligo.gateway.rest.ApiPaths;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live updates for logged-in users, as server-sent events: each event's data is a JSON object with {@code type}
 * (event, request, health or ping), {@code fsid} and {@code data}. {@code fsid} narrows it to one cluster.
 */
@Path(ApiPaths.V3 + "/stream")
public class LiveResource {
    @Inject
    LiveFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveUpdate> stream(@QueryParam("fsid") String fsid) {
        return feed.updates(QueryValues.blankToNull(fsid));
    }
}
