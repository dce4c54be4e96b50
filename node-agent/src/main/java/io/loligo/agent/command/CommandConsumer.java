package io.loligo.agent.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.ceph.ClusterMapReader;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.ceph.CrushTool;
import io.loligo.agent.ceph.MgrUnavailableException;
import io.loligo.agent.ceph.MovementPreview;
import io.loligo.agent.ceph.RadosException;
import io.loligo.agent.ceph.RbdCatalog;
import io.loligo.agent.ceph.SubvolumeCatalog;
import io.loligo.agent.ceph.SubvolumeCloner;
import io.loligo.agent.daemon.DaemonController;
import io.loligo.agent.daemon.Settle;
import io.loligo.agent.osd.OsdLifecycle;
import io.loligo.agent.ceph.RbdWriter;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostIdentity;
import io.loligo.agent.host.HostDevices;
import io.loligo.agent.host.LogFiles;
import io.loligo.agent.identity.BrokerLogin;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.ClusterChange;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CompileCrushMap;
import io.loligo.contracts.command.CrushMapChange;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.command.ReadClusterLog;
import io.loligo.contracts.command.ReadHost;
import io.loligo.contracts.command.ReadMonStatus;
import io.loligo.contracts.command.RbdChange;
import io.loligo.contracts.command.ReadPgs;
import io.loligo.contracts.command.ReadRbdImages;
import io.loligo.agent.daemon.DaemonDiscovery;
import io.loligo.contracts.command.MdsClientSessions;
import io.loligo.contracts.command.ReadSubvolumes;
import io.loligo.contracts.command.SubvolumeChange;
import io.loligo.contracts.command.SubvolumeClone;
import io.loligo.contracts.command.SafetyCheck;
import io.loligo.contracts.command.PreviewOsdWeight;
import io.loligo.contracts.command.PreviewCrushChange;
import io.loligo.contracts.command.PreviewPoolChange;
import io.loligo.contracts.command.OsdDrain;
import io.loligo.contracts.command.OsdProvision;
import io.loligo.contracts.command.OsdRemoval;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.command.ReadUsage;
import io.loligo.contracts.command.RunCli;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the commands cluster-service sends to this agent's durable queue, and answers each on the replies queue.
 * The command is acknowledged only once its reply is handed to the broker, so a crash in between means a
 * redelivery, never a lost command.
 */
@ApplicationScoped
public class CommandConsumer {
    /** The broker takes a reply within milliseconds; this long, and it is not going to. */
    private static final Duration REPLY_TAKEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);
    /** How often a long change tells how far it got: often enough for a progress bar, rarely enough for the broker. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final WireCodec codec = new WireCodec();
    /**
     * The changes that run long run here, one at a time, beside the other commands: a flatten, a copy or a clone may
     * take an hour, while map fetches and reads must go on.
     */
    private final ExecutorService longChanges = Executors.newSingleThreadExecutor(task -> new Thread(task, "long-changes"));
    /** The long changes started and not yet answered: one delivered again meanwhile is not run twice. */
    private final Set<String> longChangesRunning = ConcurrentHashMap.newKeySet();

    @Inject
    ClusterProbe cluster;
    @Inject
    AgentConfig config;
    @Inject
    BrokerLogin brokerLogin;
    @Inject
    @Channel("replies")
    Emitter<byte[]> replies;
    @Inject
    AnsweredCommands answered;
    @Inject
    CrushTool crushTool;
    @Inject
    RbdCatalog rbd;
    @Inject
    SubvolumeCatalog subvolumes;
    @Inject
    SubvolumeCloner cloner;
    @Inject
    DaemonController daemonController;
    @Inject
    OsdLifecycle osds;
    @Inject
    MovementPreview movementPreview;
    @Inject
    RbdWriter rbdWriter;
    @Inject
    HostIdentity host;
    @Inject
    LogFiles logFiles;
    @Inject
    HostDevices devices;
    @Inject
    DaemonDiscovery daemons;

    @Incoming("commands")
    @Blocking
    public CompletionStage<Void> onCommand(Message<?> message) {
        CommandEnvelope envelope;
        try {
            envelope = codec.decode(message.getPayload(), CommandEnvelope.class);
        } catch (MalformedMessageException | IllegalStateException e) {
            Log.warnf("rejected a malformed command: %s", e.getMessage());
            return message.nack(e);
        }
        if (envelope.command() instanceof RequestedChange change && change.runsLong()) {
            // acknowledged at once, as it may run for long: a change lost with this process ends its request as unknown
            runAside(envelope);
            return message.ack();
        }
        MDC.put("command", envelope.commandId());
        try {
            WireCodec.WireMessage wire = codec.toWire(answered.answer(envelope, this::run));
            sendUntilTaken(wire);
            // the broker holds the reply now; only then is the command done with
            return message.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return message.nack(e);
        } finally {
            MDC.remove("command");
        }
    }

    private void runAside(CommandEnvelope envelope) {
        String commandId = envelope.commandId();
        if (!longChangesRunning.add(commandId)) {
            Log.infof("command %s was delivered again while it runs; its reply follows when it ends", commandId);
            return;
        }
        longChanges.execute(() -> {
            MDC.put("command", commandId);
            try {
                sendUntilTaken(codec.toWire(answered.answer(envelope, this::run)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                longChangesRunning.remove(commandId);
                MDC.remove("command");
            }
        });
    }

    /**
     * Tells cluster-service how far a long change got, at most every {@link #PROGRESS_EVERY}, but at once when it
     * enters a new stage (stopping, then waiting...); a report lost is not sent again.
     */
    private Consumer<CommandReply.Progress> progressReports(CommandEnvelope envelope) {
        AtomicLong lastSent = new AtomicLong(System.nanoTime() - PROGRESS_EVERY.toNanos());
        AtomicReference<String> lastStage = new AtomicReference<>();
        return progress -> {
            long now = System.nanoTime();
            long last = lastSent.get();
            String stage = progress.stage();
            boolean newStage = stage != null && !stage.equals(lastStage.getAndSet(stage));
            if (!newStage && now - last < PROGRESS_EVERY.toNanos() || !lastSent.compareAndSet(last, now)) {
                return;
            }
            WireCodec.WireMessage wire = codec.toWire(CommandReply.inProgress(envelope.commandId(), config.nodeId(),
                    progress));
            replies.send(Message.of(wire.body(), Metadata.of(OutgoingAmqpMetadata.builder().withContentType(wire.contentType())
                    .withUserId(brokerLogin.username()).build())));
        };
    }

    void onStop(@Observes ShutdownEvent event) {
        longChanges.shutdownNow();
    }

    /**
     * Sends a reply again and again until the broker takes it. It refuses while it cannot ask cluster-service what
     * this agent may do (cluster-service restarting), and cannot take anything while it is away itself. Commands
     * wait meanwhile, in order; a reply sent twice is told apart by its command id.
     */
    private void sendUntilTaken(WireCodec.WireMessage wire) throws InterruptedException {
        OutgoingAmqpMetadata amqp = OutgoingAmqpMetadata.builder()
                .withContentType(wire.contentType()).withUserId(brokerLogin.username()).withDurable(true).build();
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            CompletableFuture<Void> taken = new CompletableFuture<>();
            replies.send(Message.of(wire.body(), Metadata.of(amqp))
                    .withAck(() -> {
                        taken.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        taken.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            try {
                taken.get(REPLY_TAKEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                Log.warnf("the broker did not take the reply (%s); sending it again in %s", e.getCause() == null ? e : e.getCause(), pause);
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** Whether CRUSH text compiles: {@code {"error": crushtool's message}} when it does not, an empty object when it does. */
    private ObjectNode compiles(String text) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        try {
            crushTool.compile(text);
        } catch (CrushTool.InvalidCrushMapException e) {
            answer.put("error", e.getMessage());
        }
        return answer;
    }

    /** What this host is, or its log files: read here, without the cluster. */
    private JsonNode readHost(ReadHost read) throws NoSuchFileException {
        return switch (read.kind()) {
            case FACTS -> host.grains();
            case DEVICES -> devices.devices();
            case LOG_FILES -> {
                ArrayNode files = JsonNodeFactory.instance.arrayNode();
                logFiles.list().forEach(files::add);
                yield files;
            }
            case LOG_TAIL -> {
                try {
                    yield JsonNodeFactory.instance.objectNode().put("path", read.path()).put("lines", logFiles.tail(read.path(), read.lines()));
                } catch (NoSuchFileException missing) {
                    throw missing;
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
        };
    }

    /** An MDS's sessions through its admin socket: one this host does not have, or that does not answer, says so. */
    private CommandReply mdsSessions(CommandEnvelope envelope, MdsClientSessions sessions) {
        if (sessions.evict() != null) {
            Log.infof("evicting client %d of mds.%s for cluster-service", sessions.evict(), sessions.mds());
        }
        try {
            return CommandReply.withOutput(envelope.commandId(), config.nodeId(), daemons.mdsSessions(sessions.mds(), sessions.evict()));
        } catch (IOException | TimeoutException e) {
            Log.warnf("mds.%s did not answer on its admin socket: %s", sessions.mds(), e.getMessage());
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("MdsUnreachable",
                    "mds." + sessions.mds() + " did not answer on its admin socket on " + config.nodeId() + ": " + e.getMessage()));
        }
    }

    /** How one kind of command is answered. */
    @FunctionalInterface
    private interface Handler<C extends AgentCommand> {
        CommandReply answer(CommandEnvelope envelope, C command) throws InterruptedException, NoSuchFileException;
    }

    /**
     * Each kind of command's handler, by its record or by the sealed family it belongs to (every {@link ClusterChange}
     * is one mon command). {@code CommandConsumerTest} checks that every command the contracts permit finds one.
     */
    private final Map<Class<? extends AgentCommand>, Handler<? extends AgentCommand>> handlers = Map.ofEntries(
            handler(ReadHost.class, (envelope, read) -> output(envelope, readHost(read))),
            handler(FetchClusterMap.class, (envelope, fetch) -> {
                ClusterMapReader.Versioned map = cluster.read(reader -> reader.read(fetch.map()));
                Log.debugf("fetched %s version %d", fetch.map(), map.version());
                return CommandReply.withMap(envelope.commandId(), config.nodeId(),
                        new CommandReply.MapContent(fetch.fsid(), fetch.map(), map.version(), map.content()));
            }),
            handler(ReadUsage.class, (envelope, read) -> output(envelope, cluster.read(ClusterMapReader::usageWithPoolCounts))),
            handler(ReadMonStatus.class, (envelope, status) -> output(envelope, cluster.read(reader -> reader.monStatus(status.mon())))),
            handler(ReadClusterLog.class, (envelope, read) -> output(envelope, cluster.read(ClusterMapReader::clusterLog))),
            handler(ReadPgs.class, (envelope, read) -> output(envelope, cluster.read(reader -> reader.pgs(read)))),
            handler(ReadRbdImages.class, (envelope, images) -> output(envelope, rbd.images(images.pool(), images.since()))),
            handler(ReadSubvolumes.class, (envelope, read) -> output(envelope, subvolumes.subvolumes(read.volume()))),
            handler(MdsClientSessions.class, this::mdsSessions),
            handler(RunCli.class, (envelope, run) -> {
                Log.infof("running 'ceph %s' for cluster-service", String.join(" ", run.words()));
                return output(envelope, cluster.read(reader -> reader.runCli(run, config.cli().allowed())));
            }),
            handler(CompileCrushMap.class, (envelope, compile) -> output(envelope, compiles(compile.text()))),
            handler(SafetyCheck.class, (envelope, check) -> output(envelope, cluster.read(reader -> reader.safety(check)))),
            handler(PreviewOsdWeight.class, (envelope, preview) -> output(envelope, movementPreview.osdWeight(preview))),
            handler(PreviewPoolChange.class, (envelope, preview) -> output(envelope, movementPreview.poolChange(preview))),
            handler(PreviewCrushChange.class, (envelope, preview) -> output(envelope, movementPreview.crushChange(preview))),
            handler(RbdChange.class, (envelope, change) -> output(envelope, rbdWriter.apply(logged(change), progressReports(envelope)))),
            handler(DaemonControl.class, (envelope, control) -> output(envelope, daemonController.control(logged(control), progressReports(envelope)))),
            handler(OsdProvision.class, (envelope, provision) -> output(envelope, osds.create(logged(provision), progressReports(envelope)))),
            handler(OsdDrain.class, (envelope, drain) -> output(envelope, osds.drain(logged(drain), progressReports(envelope)))),
            handler(OsdRemoval.class, (envelope, removal) -> output(envelope, osds.remove(logged(removal), progressReports(envelope)))),
            handler(SubvolumeClone.class, (envelope, clone) -> output(envelope, cloner.clone(logged(clone), progressReports(envelope)))),
            handler(ClusterChange.class, this::applyClusterChange));

    private static <C extends AgentCommand> Map.Entry<Class<? extends AgentCommand>, Handler<? extends AgentCommand>> handler(
            Class<C> type, Handler<C> handler) {
        return Map.entry(type, handler);
    }

    /** The handler of the command's own type, or of the nearest family it belongs to. */
    @SuppressWarnings("unchecked")
    Optional<Handler<AgentCommand>> handlerOf(Class<?> type) {
        Handler<? extends AgentCommand> own = handlers.get(type);
        if (own != null) {
            return Optional.of((Handler<AgentCommand>) own);
        }
        for (Class<?> family : type.getInterfaces()) {
            Optional<Handler<AgentCommand>> found = handlerOf(family);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private CommandReply output(CommandEnvelope envelope, JsonNode output) {
        return CommandReply.withOutput(envelope.commandId(), config.nodeId(), output);
    }

    private static <C extends RequestedChange> C logged(C change) {
        Log.infof("applying %s", change.describe());
        return change;
    }

    private CommandReply applyClusterChange(CommandEnvelope envelope, ClusterChange change) {
        Log.infof("applying %s", change);
        // the one change that carries data; compiled here, where Ceph's own crushtool is
        byte[] input = change instanceof CrushMapChange crushMap ? crushTool.compile(crushMap.text()) : null;
        CommandReply reply = output(envelope, cluster.read(reader -> reader.apply(change, input)));
        if (change instanceof SubvolumeChange subvolume && subvolume.subvolume() != null) {
            subvolumes.changed(subvolume.volume(), subvolume.group(), subvolume.subvolume());
        }
        cluster.pollSoon();
        return reply;
    }

    /** Runs one command on the cluster; a failure of librados becomes a reply that says what failed. */
    private CommandReply run(CommandEnvelope envelope) {
        AgentCommand command = envelope.command();
        if (command.fsid() != null) {
            MDC.put("fsid", command.fsid());
        }
        try {
            return handlerOf(command.getClass()).orElseThrow(() -> new IllegalStateException("no handler for " + command.getClass().getSimpleName()))
                    .answer(envelope, command);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("AgentStopping",
                    "the agent stopped while " + command.getClass().getSimpleName() + " ran; Ceph may go on with it"));
        } catch (DaemonController.NotOkToStop e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("NotOkToStop", e.getMessage()));
        } catch (DaemonController.Unmanaged e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("DaemonsUnmanaged", e.getMessage()));
        } catch (OsdLifecycle.Unmanaged e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("OsdsUnmanaged", e.getMessage()));
        } catch (OsdLifecycle.NotSafeToDestroy e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("NotSafeToDestroy", e.getMessage()));
        } catch (OsdLifecycle.StepFailed e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("StepFailed", e.getMessage()));
        } catch (Settle.NotSettled e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("NotSettled", e.getMessage()));
        } catch (LogFiles.NotALogFile e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("NotALogFile", e.getMessage()));
        } catch (NoSuchFileException e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(),
                    new CommandReply.Failure("NoSuchLogFile", "no log file '" + e.getFile() + "'"));
        } catch (CrushTool.InvalidCrushMapException e) {
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure("InvalidCrushMap", e.getMessage()));
        } catch (MgrUnavailableException e) {
            Log.warnf("could not run %s: %s", command.getClass().getSimpleName(), e.getMessage());
            return CommandReply.failed(envelope.commandId(), config.nodeId(),
                    new CommandReply.Failure(CommandReply.Failure.MGR_UNAVAILABLE, e.getMessage()));
        } catch (RadosException | UncheckedIOException e) {
            Log.warnf("could not run %s: %s", command.getClass().getSimpleName(), e.getMessage());
            String reason = e instanceof RadosException rados && rados.monitorsUnreachable()
                    ? CommandReply.Failure.MONITORS_UNREACHABLE : "RadosError";
            return CommandReply.failed(envelope.commandId(), config.nodeId(), new CommandReply.Failure(reason, e.getMessage()));
        } finally {
            MDC.remove("fsid");
        }
    }
}
