package io.loligo.agent.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.ceph.RadosHandle;
import io.loligo.agent.ceph.RadosException;
import io.loligo.agent.ceph.RadosSettings;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.heartbeat.DaemonService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Finds the Ceph daemons of this host through their admin sockets, as Calamari's agent did, and asks each
 * for its fsid and version. A socket whose daemon does not answer is reported as a stopped service.
 */
@ApplicationScoped
public class DaemonDiscovery {
    private static final String DEFAULT_RUN_DIR = "/var/run/ceph";

    private final AgentConfig config;
    private final ObjectMapper mapper;
    private final ExecutorService inspectors = Executors.newCachedThreadPool(daemonThreads("daemon-inspector"));
    private final ExecutorService exchanges = Executors.newCachedThreadPool(daemonThreads("admin-socket"));
    private volatile Path runDir;
    /** Each daemon's cluster, by name ({@code rgw.a}), as the last discovery found it. */
    private volatile Map<String, String> fsids = Map.of();

    @Inject
    public DaemonDiscovery(AgentConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Inspects every socket at once: a daemon that accepts but never answers costs its timeout, and in sequence a
     * few of them would hold the heartbeat back long enough for the host to look late.
     */
    public List<DaemonService> discover() {
        List<DaemonService> services = onEverySocket(this::inspect).values().stream()
                .sorted(Comparator.comparing(DaemonService::type).thenComparing(DaemonService::id, DaemonDiscovery::byDaemonId))
                .toList();
        Map<String, String> found = new TreeMap<>();
        services.stream().filter(service -> service.fsid() != null).forEach(service -> found.put(service.type() + "." + service.id(), service.fsid()));
        fsids = found;
        return services;
    }

    /** The cluster of a daemon ({@code rgw.a}), as the last discovery found it; null when it did not answer then. */
    public String fsidOf(String daemon) {
        return fsids.get(daemon);
    }

    /** Each answering daemon's {@code perf dump}, by its name ({@code osd.0}), asked of every socket at once. */
    public Map<String, JsonNode> perfDumps() {
        Map<String, JsonNode> dumps = new TreeMap<>();
        onEverySocket((socket, name) -> {
            try {
                return ask(socket, "{\"prefix\":\"perf dump\"}");
            } catch (IOException | TimeoutException e) {
                Log.debugf("%s.%s gives no perf counters: %s", name.type(), name.id(), e.getMessage());
                return null;
            }
        }).forEach((name, dump) -> {
            if (dump != null) {
                dumps.put(name.type() + "." + name.id(), dump);
            }
        });
        return dumps;
    }

    /**
     * An MDS's client sessions ({@code session ls}), after evicting one client ({@code client evict id=N}) when
     * {@code evict} is given.
     *
     * @throws IOException when this host has no socket of that MDS, or it does not answer
     */
    public JsonNode mdsSessions(String mds, Long evict) throws IOException, TimeoutException {
        Path socket = socketOf("mds", mds);
        if (evict != null) {
            ask(socket, mapper.createObjectNode().put("prefix", "client evict").set("filters",
                    mapper.createArrayNode().add("id=" + evict)).toString());
        }
        return ask(socket, "{\"prefix\":\"session ls\"}");
    }

    private Path socketOf(String type, String id) throws IOException {
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(runDir(), "*.asok")) {
            for (Path socket : sockets) {
                Optional<AdminSocketName> name = AdminSocketName.parse(socket.getFileName().toString());
                if (name.isPresent() && name.get().type().equals(type) && name.get().id().equals(id)) {
                    return socket;
                }
            }
        }
        throw new NoSuchFileException(type + "." + id, null, "no admin socket of " + type + "." + id + " in " + runDir());
    }

    private <T> Map<AdminSocketName, T> onEverySocket(BiFunction<Path, AdminSocketName, T> exchange) {
        Path dir = runDir();
        Map<AdminSocketName, CompletableFuture<T>> exchanges = new LinkedHashMap<>();
        try (DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "*.asok")) {
            for (Path socket : sockets) {
                AdminSocketName.parse(socket.getFileName().toString()).ifPresent(name ->
                        exchanges.put(name, CompletableFuture.supplyAsync(() -> exchange.apply(socket, name), inspectors)));
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            Log.warnf("cannot list admin sockets in %s: %s", dir, e.getMessage());
            return Map.of();
        }
        Map<AdminSocketName, T> answers = new LinkedHashMap<>();
        exchanges.forEach((name, answer) -> answers.put(name, answer.join()));
        return answers;
    }

    public Path runDir() {
        if (runDir == null) {
            runDir = config.ceph().runDir().orElseGet(this::runDirFromClusterConfig);
        }
        return runDir;
    }

    void onStop(@Observes ShutdownEvent event) {
        inspectors.shutdownNow();
        exchanges.shutdownNow();
    }

    private DaemonService inspect(Path socket, AdminSocketName name) {
        try {
            String fsid = ask(socket, "{\"prefix\":\"config get\",\"var\":\"fsid\"}").path("fsid").asText(null);
            String version = ask(socket, "{\"prefix\":\"version\"}").path("version").asText(null);
            return new DaemonService(name.cluster(), fsid, name.type(), name.id(), true, version);
        } catch (IOException | TimeoutException e) {
            // a daemon killed without cleanup leaves its socket behind: that is a stopped service, not an error
            Log.debugf("%s.%s does not answer on %s: %s", name.type(), name.id(), socket, e.getMessage());
            return new DaemonService(name.cluster(), null, name.type(), name.id(), false, null);
        }
    }

    private JsonNode ask(Path socket, String command) throws IOException, TimeoutException {
        SocketChannel channel = AdminSocket.openChannel();
        Future<byte[]> reply = exchanges.submit(() -> AdminSocket.call(channel, socket, command));
        try {
            return mapper.readTree(reply.get(config.ceph().adminSocketTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            // also unblocks an exchange that timed out
            channel.close();
        }
    }

    private Path runDirFromClusterConfig() {
        Path conf = config.ceph().conf();
        if (Files.isReadable(conf)) {
            try (RadosHandle handle = RadosHandle.open(RadosSettings.from(config.ceph()))) {
                return Paths.get(handle.confGet("run_dir"));
            } catch (RadosException e) {
                Log.warnf("cannot read run_dir from %s (%s); looking in %s", conf, e.getMessage(), DEFAULT_RUN_DIR);
            }
        }
        return Paths.get(DEFAULT_RUN_DIR);
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** OSD ids sort numerically, other ids by name. */
    private static int byDaemonId(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
                && !a.isEmpty() && !b.isEmpty();
        return numeric ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }
}
