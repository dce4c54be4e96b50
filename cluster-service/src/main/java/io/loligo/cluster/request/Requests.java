package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.broker.RefusedAgentMessages;
import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.cluster.fs.SubvolumeListings;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.live.LiveUpdates;
import io.loligo.cluster.rbd.RbdListings;
import io.loligo.cluster.server.ServerEntity;
import io.loligo.cluster.sync.CommandSender;
import io.loligo.cluster.sync.MapSync;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.cluster.transaction.AfterCommit;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CreatePool;
import io.loligo.contracts.command.HostChange;
import io.loligo.contracts.command.RbdChange;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.command.SubvolumeChange;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs requests: sends their changes one at a time to the cluster's favoured agent, and completes each request only
 * when the OSD map held here has reached the epoch the agent read after its last change. All of a request's state
 * is in PostgreSQL, so a restarted cluster-service goes on where it stopped.
 */
@ApplicationScoped
public class Requests {
    private static final String COMMAND_ID_PREFIX = "request:";
    /** How often a change is sent again, evenly within the reply timeout, before its request fails. */
    static final int RESENDS = 2;
    private static final String WAITING_FOR_AGENT = "Waiting for an agent";
    static final String WAITING_FOR_MONITORS = "Waiting for the monitors";
    static final String CREATING_PGS = "Creating PGs";
    static final String FOLLOWING_MOVEMENT = "Complete; watching what data moves";
    /** How long the mgr may take to see a change's PGs remap: before that, nothing moving means nothing yet. */
    static final Duration MOVEMENT_SETTLE = Duration.ofSeconds(5);
    /** How long after the monitors failed an agent its change is tried again: its agent's connect timeout is as long. */
    static final Duration MONITORS_RETRY = Duration.ofSeconds(5);
    /** The states in which a request completes as soon as the OSD map held here reaches its epoch. */
    private static final List<RequestState> WAITING_FOR_A_MAP = List.of(RequestState.SUBMITTED, RequestState.UNKNOWN);

    private final WireCodec codec = new WireCodec();

    @Inject
    RefusedAgentMessages refused;
    @Inject
    MapSync sync;
    @Inject
    SyncObjects maps;
    @Inject
    CommandSender commands;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    RequestConfig config;
    @Inject
    LiveUpdates live;
    @Inject
    EventLog events;
    @Inject
    jakarta.enterprise.event.Event<RbdListings.Changed> rbdChanged;
    @Inject
    jakarta.enterprise.event.Event<SubvolumeListings.Changed> subvolumesChanged;

    /** Records the request and sends its first change. */
    @Transactional
    public UUID submit(String fsid, String user, String headline, List<? extends RequestedChange> changes, Instant now) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a request changes something");
        }
        RequestEntity request = new RequestEntity();
        request.id = UUID.randomUUID();
        request.fsid = fsid;
        request.state = RequestState.QUEUED;
        request.headline = headline;
        request.phase = "Queued";
        request.requestedBy = user;
        request.requestedAt = now;
        ArrayNode commands = JsonNodeFactory.instance.arrayNode();
        // one by one: a list would lose each change's type to erasure
        changes.forEach(change -> commands.add(codec.toTree(change)));
        request.commands = commands;
        log(request, now, "Requested by " + user);
        lockCluster(fsid);
        long earlier = RequestEntity.count("fsid = ?1 and state in ?2", fsid, List.of(RequestState.QUEUED, RequestState.SUBMITTED));
        request.persist();
        Log.infof("request %s by %s: %s", request.id, user, headline);
        if (earlier == 0) {
            sendNext(request, now);
        } else {
            request.phase = "Queued behind " + earlier + " earlier request" + (earlier == 1 ? "" : "s");
        }
        return request.id;
    }

    public static boolean answers(CommandReply reply) {
        return reply.commandId().startsWith(COMMAND_ID_PREFIX);
    }

    /** An agent's answer to one of the changes. A late or repeated answer changes nothing. */
    @Transactional
    public void onReply(CommandReply reply, Instant now) {
        String[] parts = reply.commandId().substring(COMMAND_ID_PREFIX.length()).split(":");
        Optional<RequestEntity> found = parts.length == 2 && parts[1].matches("\\d{1,9}")
                // a lambda, not a method reference: Panache only implements the statics it sees called on the entity
                ? RequestQueries.parseRequestId(parts[0]).flatMap(id -> RequestEntity.<RequestEntity>findByIdOptional(id))
                : Optional.empty();
        if (found.isEmpty()) {
            Log.warnf("dropped a reply to %s, which names no request", reply.commandId());
            return;
        }
        RequestEntity request = found.get();
        MDC.put("request", request.id.toString());
        try {
            if (!reply.nodeId().equals(request.agent)) {
                // command ids can be read off the API: only the agent the change went to answers it
                refused.refuse("not-the-agent-asked", "a reply to %s from agent %s: the change went to %s",
                        reply.commandId(), reply.nodeId(), request.agent);
                return;
            }
            int index = Integer.parseInt(parts[1]);
            if (reply.answers() && index < request.commands.size()) {
                // whatever the answer, the listing may have changed: the next one is read anew
                AgentCommand command = codec.fromTree(request.commands.get(index), AgentCommand.class);
                if (command instanceof RbdChange change) {
                    change.pools().forEach(pool -> rbdChanged.fire(new RbdListings.Changed(request.fsid, pool)));
                } else if (command instanceof SubvolumeChange change) {
                    subvolumesChanged.fire(new SubvolumeListings.Changed(request.fsid, change.volume()));
                } else if (command instanceof SubvolumeClone clone) {
                    subvolumesChanged.fire(new SubvolumeListings.Changed(request.fsid, clone.volume()));
                }
            }
            if (index != request.nextCommand || request.awaitedOsdEpoch != null) {
                Log.debugf("dropped a repeated reply to change %d", index);
                return;
            }
            if (!reply.answers()) {
                progress(request, reply.progress(), now);
                return;
            }
            if (request.state == RequestState.UNKNOWN) {
                settleUnknown(request, reply, index, now);
                return;
            }
            if (request.state.ended()) {
                log(request, now, "The agent answered after the request had ended: "
                        + (reply.error() == null ? describe(reply.output()) : reply.error().message()));
                return;
            }
            if (reply.error() != null && reply.error().is(CommandReply.Failure.MONITORS_UNREACHABLE)) {
                waitForMonitors(request, reply.error().message(), now);
                return;
            }
            if (reply.error() != null) {
                fail(request, now, "Agent " + reply.nodeId() + " could not make the change: " + reply.error().message());
                return;
            }
            if (request.monitorsWaitSince != null) {
                log(request, now, "The monitors answered again after " + Duration.between(request.monitorsWaitSince, now).toSeconds() + " s");
                request.monitorsWaitSince = null;
            }
            long epoch = reply.output().path("osd_map_epoch").asLong();
            log(request, now, "Ceph answered: " + describe(reply.output()));
            request.nextCommand++;
            request.changePercent = null;
            if (request.nextCommand < changes(request).size()) {
                sendNext(request, now);
                return;
            }
            request.awaitedOsdEpoch = epoch;
            request.phase = "Waiting for OSD map epoch " + epoch;
            request.phaseSince = now;
            completeIfMapsShowIt(request, now);
        } finally {
            MDC.remove("request");
        }
    }

    /**
     * Once this instance leads (after a restart, or the database's return), goes on with the requests in flight as if
     * no time had passed: the time nobody led counts toward no deadline, since nobody could act on an answer then.
     * Each change still in flight is sent again under its first command id: the broker may have lost it with the
     * process, and an agent that did get it answers with its first reply instead of running it twice.
     */
    @Transactional
    public void resendInFlight(Instant now) {
        for (RequestEntity request : RequestEntity.<RequestEntity>list("state = ?1", RequestState.SUBMITTED)) {
            if (request.awaitedOsdEpoch == null) {
                log(request, now, "cluster-service took over: sending the change in flight again");
                send(request, request.agent, now);
            } else {
                request.phaseSince = now;
            }
        }
        RequestEntity.<RequestEntity>list("state = ?1 and phase = ?2", RequestState.QUEUED, WAITING_FOR_AGENT)
                .forEach(request -> request.phaseSince = now);
    }

    void onMapStored(@Observes MapSync.MapStored stored) {
        // the OSD map shows changes made; the PG summary, a new pool's PGs going active
        if (stored.map() == ClusterMap.OSD_MAP || stored.map() == ClusterMap.PG_SUMMARY) {
            completeWaiting(stored.fsid(), Instant.now());
        }
    }

    /** Completes the requests of a cluster whose awaited OSD map epoch is held now, those of unknown outcome too. */
    @Transactional
    public void completeWaiting(String fsid, Instant now) {
        RequestEntity.<RequestEntity>list("fsid = ?1 and state in ?2 and awaitedOsdEpoch is not null", fsid, WAITING_FOR_A_MAP)
                .forEach(request -> completeIfMapsShowIt(request, now));
    }

    /**
     * Gives up waiting on what waited too long: a change the agent never answered, or a change the OSD map never
     * showed. Neither says what Ceph did, so the outcome is unknown, and a late answer or map settles it. Also
     * completes requests whose epoch arrived while no update was watched for them, such as across a restart.
     */
    @Transactional
    public void sweep(Instant now) {
        followMovements(now);
        RequestEntity.<RequestEntity>list("state = ?1", RequestState.QUEUED).stream().map(request -> request.fsid).distinct()
                .forEach(fsid -> startNextQueued(fsid, now));
        RequestEntity.<RequestEntity>list("state = ?1 and awaitedOsdEpoch is not null", RequestState.UNKNOWN)
                .forEach(request -> completeIfMapsShowIt(request, now));
        for (RequestEntity request : RequestEntity.<RequestEntity>list("state = ?1", RequestState.SUBMITTED)) {
            if (WAITING_FOR_MONITORS.equals(request.phase)) {
                if (request.phaseSince.plus(MONITORS_RETRY).isBefore(now)) {
                    send(request, request.agent, now, WAITING_FOR_MONITORS + ": trying again");
                }
            } else if (request.awaitedOsdEpoch == null) {
                Duration waited = Duration.between(request.phaseSince, now);
                if (waited.compareTo(config.replyTimeout()) > 0) {
                    unknown(request, now, "Agent " + request.agent + " did not answer within " + config.replyTimeout().toSeconds()
                            + " s: whether Ceph made the change (" + changes(request).get(request.nextCommand).describe()
                            + ") is not known. Check the cluster (ceph osd dump shows pools and OSDs, rbd ls -l images); this request"
                            + " completes or fails by itself if the agent's answer still comes");
                } else if (waited.compareTo(config.replyTimeout().dividedBy(RESENDS + 1).multipliedBy(request.resends + 1)) > 0) {
                    request.resends++;
                    log(request, now, "No answer yet: sending the change again (" + request.resends + " of " + RESENDS + ")");
                    dispatchAfterCommit(request);
                }
            } else if (!completeIfMapsShowIt(request, now) && request.phaseSince.plus(config.mapTimeout()).isBefore(now)) {
                unknown(request, now, "Ceph made the change at OSD map epoch " + request.awaitedOsdEpoch + ", but the OSD map"
                        + " held here has not reached that epoch within " + config.mapTimeout().toSeconds() + " s; this"
                        + " request completes by itself once it does");
            }
        }
    }

    /**
     * @return the request, cancelled
     * @throws NotFound when there is no such request
     * @throws Conflict when it has already ended
     */
    @Transactional
    public RequestView cancel(UUID id, Instant now) {
        RequestEntity request = RequestEntity.<RequestEntity>findByIdOptional(id)
                .orElseThrow(() -> new NotFound("Request", "no request " + id));
        if (request.state.ended()) {
            throw new Conflict("RequestEnded", "request " + id + " has already ended (" + request.state.apiName() + ")");
        }
        request.state = request.state.to(RequestState.CANCELLED);
        request.completedAt = now;
        request.errorMessage = "Cancelled";
        request.phase = "Cancelled";
        log(request, now, request.nextCommand < changes(request).size() && request.agent != null
                ? "Cancelled; the change sent to agent " + request.agent + " may still take effect" : "Cancelled");
        startNextQueued(request.fsid, now);
        return RequestQueries.view(request);
    }

    /**
     * A cluster's requests run one at a time, in the order they were made: two requests on one pool or OSD then end
     * as the later one asks, whatever the broker does with their commands.
     */
    private void startNextQueued(String fsid, Instant now) {
        lockCluster(fsid);
        if (RequestEntity.count("fsid = ?1 and state = ?2", fsid, RequestState.SUBMITTED) > 0) {
            return;
        }
        RequestEntity.<RequestEntity>find("fsid = ?1 and state = ?2", Sort.ascending("requestedAt", "id"), fsid, RequestState.QUEUED)
                .firstResultOptional().ifPresent(next -> {
                    log(next, now, "Earlier requests have ended: starting");
                    sendNext(next, now);
                });
    }

    /** Serialises the decisions about one cluster's requests across threads and instances. */
    private static void lockCluster(String fsid) {
        ClusterEntity.findByIdOptional(fsid, LockModeType.PESSIMISTIC_WRITE);
    }

    private void sendNext(RequestEntity request, Instant now) {
        Optional<String> agent = changes(request).get(request.nextCommand) instanceof HostChange change
                // only the agent of the host reaches its service manager and its devices
                ? ServerEntity.<ServerEntity>findByIdOptional(change.host()).map(server -> server.nodeId)
                : sync.favouredAgent(request.fsid, now);
        if (agent.isPresent()) {
            send(request, agent.get(), now);
            return;
        }
        // a request not yet started waits a while for an agent, which a broker restart silences for seconds;
        // each sweep tries it again
        if (request.state == RequestState.QUEUED && !WAITING_FOR_AGENT.equals(request.phase)) {
            request.phase = WAITING_FOR_AGENT;
            request.phaseSince = now;
            log(request, now, "No agent reaches cluster " + request.fsid + " now (an agent, the broker or the monitors"
                    + " may be away): waiting up to " + config.agentWait().toSeconds() + " s for one");
        } else if (request.state != RequestState.QUEUED || request.phaseSince.plus(config.agentWait()).isBefore(now)) {
            fail(request, now, "No agent has reported cluster " + request.fsid + " recently: nothing can make the change");
        }
    }

    private void send(RequestEntity request, String agent, Instant now) {
        send(request, agent, now, "Running " + changes(request).get(request.nextCommand).describe());
    }

    private void send(RequestEntity request, String agent, Instant now, String phase) {
        RequestedChange change = changes(request).get(request.nextCommand);
        request.state = request.state.to(RequestState.SUBMITTED);
        request.agent = agent;
        request.phaseSince = now;
        request.resends = 0;
        request.phase = phase;
        log(request, now, "Sent to agent " + agent + ": " + change.describe());
        dispatchAfterCommit(request);
    }

    /**
     * The agent could not reach the monitors, so Ceph did not make the change: an election or a mon restart delays
     * it rather than failing it. It is tried again every few seconds, through the same agent (which stops reporting
     * the cluster while it cannot reach it), until {@link RequestConfig#mapTimeout()} has passed.
     */
    private void waitForMonitors(RequestEntity request, String why, Instant now) {
        if (request.monitorsWaitSince == null) {
            request.monitorsWaitSince = now;
            log(request, now, "The monitors did not answer agent " + request.agent + " (" + why + "): waiting up to "
                    + config.mapTimeout().toSeconds() + " s for them, trying again every " + MONITORS_RETRY.toSeconds() + " s");
        }
        Duration waited = Duration.between(request.monitorsWaitSince, now);
        if (waited.compareTo(config.mapTimeout()) > 0) {
            fail(request, now, "The monitors did not answer agent " + request.agent + " for " + waited.toSeconds()
                    + " s, so Ceph did not make the change: " + why);
            return;
        }
        phase(request, WAITING_FOR_MONITORS);
        request.phaseSince = now;
    }

    /**
     * Sends the change in flight to the request's agent under its command id, once the transaction commits: a reply
     * overtaking the commit would find the change not yet sent.
     */
    private void dispatchAfterCommit(RequestEntity request) {
        RequestedChange change = changes(request).get(request.nextCommand);
        String commandId = COMMAND_ID_PREFIX + request.id + ":" + request.nextCommand;
        String agent = request.agent;
        AfterCommit.run(transactions, () -> commands.send(commandId, agent, change));
    }

    private boolean completeIfMapsShowIt(RequestEntity request, Instant now) {
        Long held = maps.heldVersions(request.fsid).get(ClusterMap.OSD_MAP);
        if (held == null || held < request.awaitedOsdEpoch) {
            return false;
        }
        Optional<String> created = createdPool(request);
        if (created.isPresent() && !poolUsable(request, created.get(), now)) {
            return false;
        }
        boolean wasUnknown = request.state == RequestState.UNKNOWN;
        request.state = request.state.to(RequestState.COMPLETE);
        request.completedAt = now;
        request.errorMessage = null;
        request.phase = "Complete";
        // librbd's changes are in no map: Ceph's answer is all there is to wait for
        log(request, now, request.awaitedOsdEpoch == 0 ? "Ceph made the change" : "The OSD map shows the change (epoch " + held + ")");
        if (changes(request).stream().anyMatch(RequestedChange::movesData)) {
            followMovement(request, now);
        }
        Log.infof("request %s complete: %s", request.id, request.headline);
        if (wasUnknown) {
            events.record(List.of(Event.cluster(Severity.INFO, request.fsid, "Request " + request.id + " (" + request.headline
                    + "), whose outcome was unknown, is complete: Ceph made the change")), now);
        } else {
            startNextQueued(request.fsid, now);
        }
        return true;
    }

    /**
     * From now on the request's status follows the data its change moves, without holding up the cluster's queue:
     * the request is complete, its change in the maps. Movement is the cluster's, not one change's, so a request that
     * followed it until now hands it over.
     */
    private void followMovement(RequestEntity request, Instant now) {
        for (RequestEntity earlier : following(request.fsid)) {
            endFollowing(earlier, now, "Complete; data movement followed by request " + request.id,
                    "Request " + request.id + " moves data too: its status follows the movement from here");
        }
        request.movementSince = now;
        request.phase = FOLLOWING_MOVEMENT;
    }

    /**
     * Updates the status of the requests following data movement from the health and PG summary held: objects
     * misplaced and degraded, and how much of the way is done, until none is left. Only after the mgr has had time to
     * see PGs remap does nothing left mean nothing moved.
     */
    private void followMovements(Instant now) {
        for (RequestEntity request : RequestEntity.<RequestEntity>list("movementSince is not null and movementEndedAt is null")) {
            Duration followed = Duration.between(request.movementSince, now);
            if (followed.compareTo(MOVEMENT_SETTLE) < 0) {
                continue;
            }
            JsonNode health = maps.get(request.fsid, ClusterMap.HEALTH).map(SyncObjects.Stored::content).orElse(MissingNode.getInstance());
            JsonNode pgSummary = maps.get(request.fsid, ClusterMap.PG_SUMMARY).map(SyncObjects.Stored::content).orElse(MissingNode.getInstance());
            DataMovement movement = DataMovement.of(health, pgSummary);
            if (movement.settled()) {
                endFollowing(request, now, "Complete; data movement finished after " + followed.toSeconds() + " s",
                        request.movementObjects == null ? "No data moved: every PG active+clean"
                                : "Data movement finished " + followed.toSeconds() + " s after the change: every PG active+clean");
            } else if (followed.compareTo(config.movementFollowLimit()) > 0) {
                endFollowing(request, now, "Complete; data still moving after " + followed.toMinutes() + " min (" + movement + ")",
                        "Followed the data movement for " + followed.toMinutes() + " min; the cluster's health shows the rest");
            } else {
                if (request.movementObjects == null || movement.objects() > request.movementObjects) {
                    request.movementObjects = movement.objects();
                }
                long done = request.movementObjects == 0 ? 100 : 100 * (request.movementObjects - movement.objects()) / request.movementObjects;
                phase(request, "Complete; moving data: " + movement + " (" + done + " % done)");
            }
        }
    }

    private static List<RequestEntity> following(String fsid) {
        return RequestEntity.list("fsid = ?1 and movementSince is not null and movementEndedAt is null", fsid);
    }

    private void endFollowing(RequestEntity request, Instant now, String phase, String message) {
        request.movementEndedAt = now;
        request.phase = phase;
        log(request, now, message);
    }

    /** A new status alone, without a log line: live clients hear of it all the same. */
    private void phase(RequestEntity request, String phase) {
        if (!phase.equals(request.phase)) {
            request.phase = phase;
            live.afterCommit(LiveUpdate.REQUEST, request.id.toString(), request.fsid, () -> RequestQueries.view(request));
        }
    }

    /** The pool a request creates, if it does. */
    private Optional<String> createdPool(RequestEntity request) {
        return changes(request).stream().filter(CreatePool.class::isInstance).map(change -> ((CreatePool) change).name()).findFirst();
    }

    /**
     * Whether the new pool's PGs are all active, as the PG summary held shows them: ready means usable. Shows the
     * count as the request's phase meanwhile. After the map timeout the request completes all the same (Ceph made
     * the pool), saying how far its PGs got, with an event: that is a cluster to look at, not a change to retry.
     */
    private boolean poolUsable(RequestEntity request, String pool, Instant now) {
        JsonNode osdMap = maps.get(request.fsid, ClusterMap.OSD_MAP).map(SyncObjects.Stored::content).orElseThrow();
        JsonNode pgSummary = maps.get(request.fsid, ClusterMap.PG_SUMMARY).map(SyncObjects.Stored::content)
                .orElse(MissingNode.getInstance());
        Optional<PoolReadiness.Progress> progress = PoolReadiness.of(pool, osdMap, pgSummary);
        if (progress.isEmpty() || progress.get().ready()) {
            // gone again (deleted since): nothing left to wait for
            return true;
        }
        if (!request.phase.startsWith(CREATING_PGS)) {
            request.phaseSince = now;
            log(request, now, "Pool " + pool + " is in the OSD map; waiting for its PGs to be active");
        }
        phase(request, CREATING_PGS + ": " + progress.get());
        if (request.phaseSince.plus(config.mapTimeout()).isBefore(now)) {
            String message = "Pool " + pool + " exists, but only " + progress.get() + " after " + config.mapTimeout().toSeconds()
                    + " s: check 'ceph pg ls-by-pool " + pool + "' for what holds them";
            log(request, now, message);
            events.record(List.of(Event.cluster(Severity.WARNING, request.fsid, message)), now);
            return true;
        }
        return false;
    }

    /** Loligo cannot tell what Ceph did: the request stops holding up its cluster's queue and says how to find out. */
    private void unknown(RequestEntity request, Instant now, String message) {
        end(request, now, RequestState.UNKNOWN, "Outcome unknown", message);
        Log.warnf("request %s: outcome unknown: %s", request.id, message);
        startNextQueued(request.fsid, now);
    }

    /**
     * An answer to a request given up as unknown: what Ceph did is known now. A last change made waits for its map
     * and completes; an earlier one made leaves the later changes unsent, which is an error the log spells out.
     */
    private void settleUnknown(RequestEntity request, CommandReply reply, int index, Instant now) {
        if (reply.error() != null) {
            failUnknown(request, now, "Agent " + reply.nodeId() + " answered late: Ceph did not make the change: "
                    + reply.error().message());
            return;
        }
        log(request, now, "Ceph answered late: " + describe(reply.output()));
        if (index + 1 < changes(request).size()) {
            failUnknown(request, now, "Ceph made change " + (index + 1) + " of " + changes(request).size()
                    + " after the request was given up; the later changes were not sent");
            return;
        }
        request.nextCommand++;
        request.awaitedOsdEpoch = reply.output().path("osd_map_epoch").asLong();
        request.phase = "Waiting for OSD map epoch " + request.awaitedOsdEpoch;
        request.phaseSince = now;
        completeIfMapsShowIt(request, now);
    }

    /** An unknown outcome found to be a failure after all: told as an event too, as the queue has moved on. */
    private void failUnknown(RequestEntity request, Instant now, String message) {
        end(request, now, RequestState.ERROR, "Failed", message);
        Log.warnf("request %s, whose outcome was unknown, failed: %s", request.id, message);
        events.record(List.of(Event.cluster(Severity.WARNING, request.fsid, "Request " + request.id + " (" + request.headline
                + "), whose outcome was unknown, failed: " + message)), now);
    }

    private void fail(RequestEntity request, Instant now, String message) {
        end(request, now, RequestState.ERROR, "Failed", message);
        Log.warnf("request %s failed: %s", request.id, message);
        startNextQueued(request.fsid, now);
    }

    /** Ends a request other than complete, saying why in its error message and its log. */
    private void end(RequestEntity request, Instant now, RequestState state, String phase, String message) {
        request.state = request.state.to(state);
        request.completedAt = now;
        request.errorMessage = message;
        request.phase = phase;
        log(request, now, message);
    }

    List<RequestedChange> changes(RequestEntity request) {
        List<RequestedChange> changes = new ArrayList<>();
        request.commands.forEach(change -> changes.add((RequestedChange) codec.fromTree(change, AgentCommand.class)));
        return changes;
    }

    /** Each step of a request is logged here, and so reaches live clients too. */
    private void log(RequestEntity request, Instant at, String message) {
        List<RequestEntity.LogLine> log = new ArrayList<>(request.log);
        log.add(new RequestEntity.LogLine(at, message));
        request.log = log;
        live.afterCommit(LiveUpdate.REQUEST, request.id.toString(), request.fsid, () -> RequestQueries.view(request));
    }

    private static String describe(JsonNode output) {
        String outs = output.path("outs").asText("");
        // librbd's changes answer without an epoch: they are not in the OSD map
        JsonNode epoch = output.path("osd_map_epoch");
        return (outs.isBlank() ? "done" : outs.strip()) + (epoch.isIntegralNumber() ? " (OSD map epoch " + epoch.asLong() + ")" : "");
    }

    /**
     * Word from the agent that a long change goes on: shown as the request's phase, and a sign of life that holds
     * off sending the change again or giving up on it. Progress of a change no longer in flight is dropped.
     */
    private void progress(RequestEntity request, CommandReply.Progress progress, Instant now) {
        if (request.state != RequestState.SUBMITTED || request.awaitedOsdEpoch != null) {
            return;
        }
        request.phaseSince = now;
        if (progress.total() > 0) {
            request.changePercent = progress.percent();
        }
        phase(request, "Running " + changes(request).get(request.nextCommand).describe() + ": " + progress.describe());
    }
}
