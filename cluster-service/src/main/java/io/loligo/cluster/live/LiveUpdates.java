package io.loligo.cluster.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.transaction.AfterCommit;
import io.loligo.contracts.api.LiveUpdate;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Changes as they are committed, for the gateway's live stream. A change is published only once its transaction
 * commits, since a rolled-back one never happened, and as it stands at the commit.
 */
@ApplicationScoped
public class LiveUpdates {
    /** A client that falls this far behind is dropped; browsers reconnect by themselves and read the lists again. */
    private static final int SLOW_CLIENT_BUFFER = 10_000;
    /** Well within the gateway's read timeout on its calls to cluster-service. */
    static final Duration PING_EVERY = Duration.ofSeconds(5);

    private final BroadcastProcessor<LiveUpdate> published = BroadcastProcessor.create();
    /** This instance's stream: its positions count from its start. */
    private final String stream = UUID.randomUUID().toString();
    private long position;

    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    ObjectMapper mapper;
    @Inject
    Event<LiveUpdate> heardHere;

    /**
     * Publishes an update when the current transaction commits, or now outside one. Of several updates of one thing
     * in a transaction (a request's steps, say), the last is published, once.
     *
     * @param id what changed, within its type
     * @param data read at the commit, so that it shows the final state; written as the REST API writes it
     */
    public void afterCommit(String type, String id, String fsid, Supplier<Object> data) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            publish(type, fsid, data.get());
            return;
        }
        Supplier<LiveUpdate> update = () -> numbered(type, fsid, mapper.valueToTree(data.get()));
        if (status != Status.STATUS_ACTIVE) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Supplier<LiveUpdate>> pending = (Map<String, Supplier<LiveUpdate>>) transactions.getResource(LiveUpdates.class);
        if (pending == null) {
            Map<String, Supplier<LiveUpdate>> created = new LinkedHashMap<>();
            transactions.putResource(LiveUpdates.class, created);
            AfterCommit.run(transactions, () -> created.values().forEach(committed -> emit(committed)));
            pending = created;
        }
        pending.put(type + ":" + id, update);
    }

    /** Publishes an update now, for a change that is committed already. */
    public void publish(String type, String fsid, Object data) {
        JsonNode tree = mapper.valueToTree(data);
        emit(() -> numbered(type, fsid, tree));
    }

    /** {@code <stream>:<position>}: this instance, and how many updates it has published so far. */
    public synchronized String position() {
        return stream + ":" + position;
    }

    /**
     * Numbers and sends an update under one lock, so that the stream carries them in the order of their numbers.
     * Observers in this instance hear of it first, at once: the views it kept forget what the update moved.
     */
    private synchronized void emit(Supplier<LiveUpdate> update) {
        LiveUpdate numbered = update.get();
        heardHere.fire(numbered);
        published.onNext(numbered);
    }

    /** Called under {@link #emit}'s lock only. */
    private LiveUpdate numbered(String type, String fsid, JsonNode data) {
        return new LiveUpdate(type, fsid, data, stream, ++position);
    }

    /** Every update from now on, and a ping whenever {@link #PING_EVERY} passes, to keep the stream open. */
    public Multi<LiveUpdate> stream() {
        Multi<LiveUpdate> pings = Multi.createFrom().ticks().every(PING_EVERY)
                .map(tick -> ping());
        return Multi.createBy().merging().streams(published, pings).onOverflow().buffer(SLOW_CLIENT_BUFFER);
    }

    private synchronized LiveUpdate ping() {
        return new LiveUpdate(LiveUpdate.PING, null, null, stream, position);
    }
}
