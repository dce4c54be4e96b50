package io.loligo.gateway.kept;

import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.kept.Keeper;
import io.loligo.contracts.kept.KeptAnswers;
import io.loligo.gateway.live.LiveFeed;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The answers of {@link io.loligo.contracts.api.KeptUntilChanged} reads, as sent, kept ({@link KeptAnswers}) until
 * cluster-service's live stream says that their cluster changed. A kept read costs no second hop: it crossed two JVMs
 * before, and on a small host the second one made the tail.
 * <p>
 * Nothing kept is served unless the stream is known to be whole: from its first update on, and again from the first
 * update after an interruption, which forgets everything. An answer due is given while {@link BackgroundRereads}
 * brings it anew.
 * <p>
 * Nothing kept is served either while cluster-service has answered from a state that the stream has not yet
 * brought here (each answer names the stream's position then): whoever saw a request complete is not shown the maps
 * from before it. What is left is the moment between a commit in cluster-service and the update's numbering there.
 */
@ApplicationScoped
public class KeptReads implements Keeper {
    /** The stream pings every 5 s: this long without a word, it may be broken without having said so. */
    static final Duration LONGEST_SILENCE = Duration.ofSeconds(12);

    private final KeptAnswers answers = new KeptAnswers();
    private volatile long lastHeardNanos;
    private volatile boolean whole;
    /** The cluster-service instance whose stream is heard, and how many of its updates were heard. */
    private String streamHeard;
    private volatile long positionHeard;
    /** The furthest position of that stream that any answer of cluster-service was made at. */
    private volatile long positionAnswered;

    @Inject
    LiveFeed feed;
    @Inject
    BackgroundRereads rereads;

    void follow(@Observes StartupEvent started) {
        feed.updates(null).subscribe().with(this::onUpdate);
    }

    synchronized void onInterrupted(@Observes LiveFeed.Interrupted interrupted) {
        whole = false;
        streamHeard = null;
        positionAnswered = 0;
        answers.forgetAll();
    }

    synchronized void onUpdate(LiveUpdate update) {
        lastHeardNanos = System.nanoTime();
        whole = true;
        if (update.stream() != null && !update.stream().equals(streamHeard)) {
            streamHeard = update.stream();
            positionHeard = 0;
            positionAnswered = 0;
        }
        // a ping numbered before an update may come after it: what was heard never goes back
        positionHeard = Math.max(positionHeard, update.position());
        if (!LiveUpdate.PING.equals(update.type())) {
            // a change outside any cluster (a server's event): cheaper to forget all than to work out what it touches
            answers.changed(update.fsid());
        }
    }

    /** @param position {@code <stream>:<position>}, as cluster-service's answer named it */
    public synchronized void answeredAt(String position) {
        int colon = position.lastIndexOf(':');
        if (colon > 0 && position.substring(0, colon).equals(streamHeard)) {
            try {
                positionAnswered = Math.max(positionAnswered, Long.parseLong(position.substring(colon + 1)));
            } catch (NumberFormatException notOurs) {
                // cluster-service writes only numbers here; anything else names no position
            }
        }
    }

    /** @return the kept answer to this read, or null when there is none that may be served now */
    @Override
    public KeptAnswers.Kept kept(String scope, String key) {
        return servable() ? answers.kept(scope, key) : null;
    }

    /**
     * @param longestKept how long the answer may be kept at most, changes or none
     * @return what the read must show to be kept once answered, or null when nothing may be kept now
     */
    @Override
    public KeptAnswers.Ticket ticket(String scope, String key, Duration longestKept) {
        return servable() ? answers.ticket(scope, key, longestKept) : null;
    }

    @Override
    public CompletableFuture<KeptAnswers.Representation> onItsWay(String scope, String key) {
        return servable() ? answers.onItsWay(scope, key) : null;
    }

    @Override
    public boolean bringsAnew(ContainerRequestContext request) {
        return rereads.isReread(request);
    }

    @Override
    public boolean bringsAnewElsewhere(ContainerRequestContext request) {
        return rereads.reread();
    }

    /** A change made through this gateway: it forgets everything kept, for the caller may read what it changed at once. */
    public void changedHere() {
        answers.changed(null);
    }

    /** Keeps an answer, unless its scope changed or the stream broke while it was read. */
    public void keep(KeptAnswers.Ticket ticket, KeptAnswers.Representation representation) {
        answers.keep(ticket, representation);
    }

    /** A read that brought nothing to keep: those waiting for it go on themselves. */
    public void abandon(KeptAnswers.Ticket ticket) {
        answers.abandon(ticket);
    }

    /** How many scopes are remembered: as many as were read successfully, whatever callers name. */
    int scopesRemembered() {
        return answers.scopesRemembered();
    }

    private boolean servable() {
        return whole && System.nanoTime() - lastHeardNanos <= LONGEST_SILENCE.toNanos() && positionHeard >= positionAnswered;
    }
}
