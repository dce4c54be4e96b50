package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.QueryValues;
import io.loligo.gateway.auth.Caller;
import io.loligo.gateway.auth.Callers;
import io.loligo.gateway.auth.Sessions;
import io.loligo.gateway.rest.ApiPaths;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Live updates for logged-in users, as server-sent events: each event's data is a JSON object with {@code type}
 * (event, request, health or ping), {@code fsid} and {@code data}. {@code fsid} narrows it to one cluster.
 * A user holds a few streams at most ({@link LiveStreams}), and a stream ends once the credentials it was opened
 * with no longer stand (logout, a new password, another role, the user deleted): checked at every ping, every 5 s.
 */
@Path(ApiPaths.V3 + "/stream")
public class LiveResource {
    @Inject
    LiveFeed feed;
    @Inject
    LiveStreams streams;
    @Inject
    Callers callers;
    @Inject
    Sessions sessions;
    @Inject
    ManagedExecutor executor;

    /** How a stream ends when its credentials stopped standing: the client sees the stream close. */
    static final class CredentialsEnded extends RuntimeException {
        CredentialsEnded() {
            super("the session or token this stream was opened with has ended", null, false, false);
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveUpdate> stream(@QueryParam("fsid") String fsid) {
        Caller caller = callers.current();
        streams.open(caller);
        return feed.updates(QueryValues.blankToNull(fsid))
                .onItem().transformToUniAndConcatenate(update -> !LiveUpdate.PING.equals(update.type()) ? Uni.createFrom().item(update)
                        // the check reads the database: off the event loop
                        : Uni.createFrom().item(() -> sessions.stillStands(caller)).runSubscriptionOn(executor)
                                .onItem().transform(stands -> {
                                    if (!stands) {
                                        throw new CredentialsEnded();
                                    }
                                    return update;
                                }))
                .onTermination().invoke(() -> streams.closed(caller));
    }
}
