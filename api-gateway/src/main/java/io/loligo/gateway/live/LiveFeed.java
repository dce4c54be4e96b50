package io.loligo.gateway.live;

import io.loligo.contracts.api.LiveUpdate;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;

/**
 * One subscription to cluster-service's stream, shared by every live client of this gateway, and taken again
 * whenever cluster-service restarts or the connection drops.
 */
@ApplicationScoped
public class LiveFeed {
    /** A client that falls this far behind is dropped; browsers reconnect by themselves. */
    private static final int SLOW_CLIENT_BUFFER = 10_000;

    @Inject
    @RestClient
    LiveStreamClient upstream;

    @Inject
    Event<Interrupted> interrupted;

    private Multi<LiveUpdate> shared;

    /** The stream broke: updates may have been missed until it is taken again. */
    public record Interrupted() {
    }

    @PostConstruct
    void connect() {
        shared = Multi.createFrom().deferred(() -> upstream.stream())
                .onCompletion().failWith(() -> new IllegalStateException("cluster-service ended the live stream"))
                .onFailure().invoke(e -> {
                    Log.warnf("live stream from cluster-service lost (%s); reconnecting", e.getMessage());
                    interrupted.fire(new Interrupted());
                })
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).indefinitely()
                .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
    }

    /** @param fsid only this cluster's updates (and pings), when not null */
    public Multi<LiveUpdate> updates(String fsid) {
        Multi<LiveUpdate> updates = fsid == null ? shared
                : shared.select().where(update -> update.type().equals(LiveUpdate.PING) || fsid.equals(update.fsid()));
        return updates.onOverflow().buffer(SLOW_CLIENT_BUFFER);
    }
}
