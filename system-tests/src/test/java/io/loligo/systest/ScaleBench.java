package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.loligo.contracts.identity.ServiceTokens;
import io.loligo.contracts.wire.WireCodec;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * cluster-service and api-gateway holding a cluster of 10,000 OSDs on 500 hosts with 1,000,000 PGs. A synthetic
 * agent speaks for that cluster over the real broker, in the real message records and map shapes. Prints the time
 * to apply one OSD map update, the heap after a full GC, and the latency of {@code GET osd} pages under
 * concurrent load. Asserts nothing: run with {@code ./dev/loligo bench scale}.
 */
class ScaleBench {
    private static final int OSDS = Integer.getInteger("osds", 10_000);
    private static final int HOSTS = Integer.getInteger("hosts", 500);
    private static final long PGS = Long.getLong("pgs", 1_000_000);
    private static final int POOLS = 8;
    private static final int UPDATES = Integer.getInteger("updates", 10);
    private static final int WARM_UP_UPDATES = Integer.getInteger("warm-up-updates", 10);
    private static final int CLIENTS = Integer.getInteger("clients", 8);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("load-seconds", 20));
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("warm-up-seconds", 10));
    private static final String NODE = "synthetic-agent.scale.test";
    private static final KeyPair KEY = AgentSignatures.newKeyPair();
    private static final long FIRST_EPOCH = 1000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final WireCodec CODEC = new WireCodec();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong osdEpoch = new AtomicLong(FIRST_EPOCH);
    /** Each OSD map epoch's content, encoded before it is announced: reading the map from Ceph is not measured here. */
    private final Map<Long, byte[]> osdMapContent = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> osdMapReplySent = new AtomicReference<>();
    private SyntheticCluster cluster;
    private LocalPlatform platform;
    private LocalPlatform.Session session;
    private AmqpSender topic;
    private AmqpSender replies;

    @Test
    void scale() throws Exception {
        cluster = new SyntheticCluster(Path.of("../cluster-service/src/test/resources/ceph"), OSDS, HOSTS, POOLS, PGS);
        osdMapContent.put(FIRST_EPOCH, encode(cluster.content(ClusterMap.OSD_MAP, FIRST_EPOCH, Set.of())));
        System.out.printf(Locale.ROOT, "%n== scale: %d OSDs on %d hosts, %d PGs in %d pools; OSD map %.1f MB as JSON%n",
                OSDS, HOSTS, PGS, POOLS, osdMapContent.get(FIRST_EPOCH).length / 1e6);
        Vertx vertx = Vertx.vertx();
        try (LocalPlatform started = new LocalPlatform("ScaleBench")) {
            platform = started;
            platform.clusterService.maxHeap("2g");
            platform.start(platform.clusterService, platform.gateway);
            session = platform.login();
            // logged in as an agent is, under its own name with its key, which cluster-service checks for the broker
            platform.brokerAsks(platform.clusterService);
            String publicKey = AgentSignatures.encode(KEY.getPublic());
            AmqpClient amqp = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(LocalPlatform.TEST_BROKER_PORT)
                    .setUsername(NODE).setPassword(BrokerLogins.password(NODE, publicKey, KEY.getPrivate())));
            connectAsAgent(amqp);
            // an agent's first heartbeat asks for acceptance; the sync is timed from the first one trusted
            heartbeat();
            platform.acceptAgent(NODE, AgentSignatures.fingerprint(publicKey));
            Instant firstHeartbeat = Instant.now();
            heartbeat();
            vertx.setPeriodic(5000, timer -> sendHeartbeat());
            waitFor(Duration.ofMinutes(3), () -> osdCount() == OSDS);
            System.out.printf(Locale.ROOT, "first sync of every map, from the first heartbeat: %d ms%n",
                    Duration.between(firstHeartbeat, Instant.now()).toMillis());

            measureUpdates();
            printHeap();
            measureOsdPages("through api-gateway", platform.gateway.url(), "/api/v3");
            measureOsdPages("from cluster-service directly", platform.clusterService.url(), "/internal/v2");
            measureOsdPageInBrowser();
            amqp.close();
        } finally {
            vertx.close();
        }
    }

    /**
     * Each update marks one more OSD down; the clock runs from the heartbeat that announces it. The first updates go
     * unmeasured: a fresh service still compiles the code that reads a map against the copy it holds, and a running
     * Loligo has long since done so.
     */
    private void measureUpdates() throws Exception {
        List<Long> announcedToVisible = new ArrayList<>();
        List<Long> replyToVisible = new ArrayList<>();
        Set<Integer> down = ConcurrentHashMap.newKeySet();
        for (int update = 1; update <= WARM_UP_UPDATES + UPDATES; update++) {
            int osd = update * 7;
            down.add(osd);
            long epoch = FIRST_EPOCH + update;
            osdMapContent.put(epoch, encode(cluster.content(ClusterMap.OSD_MAP, epoch, down)));
            osdMapReplySent.set(null);
            osdEpoch.set(epoch);
            long start = System.nanoTime();
            heartbeat();
            waitFor(Duration.ofSeconds(60), () -> !osdIsUp(osd));
            long visible = System.nanoTime();
            if (update <= WARM_UP_UPDATES) {
                continue;
            }
            announcedToVisible.add((visible - start) / 1_000_000);
            Instant replied = osdMapReplySent.get();
            replyToVisible.add(Duration.between(replied, Instant.now()).toMillis() - (System.nanoTime() - visible) / 1_000_000);
        }
        new Distribution(announcedToVisible).print(String.format(Locale.ROOT,
                "scale: one OSD map update, from the heartbeat announcing it until GET osd/{id} shows it, after %d unmeasured",
                WARM_UP_UPDATES), 250, 500, 1000, 2000);
        new Distribution(replyToVisible).print("scale: the same, from the agent's reply (parse, store, events, OSD view)", 250, 500, 1000, 2000);
    }

    private void printHeap() throws Exception {
        long pid = platform.clusterService.pid();
        LocalPlatform.run(List.of("jcmd", String.valueOf(pid), "GC.run"));
        // jstat names the generations' use alike for every collector: survivors, eden and old, in KiB
        String[] gc = LocalPlatform.run(List.of("jstat", "-gc", String.valueOf(pid))).strip().split("\n");
        List<String> columns = List.of(gc[0].trim().split("\\s+"));
        String[] values = gc[1].trim().split("\\s+");
        double usedKib = Stream.of("S0U", "S1U", "EU", "OU").mapToDouble(column -> Double.parseDouble(values[columns.indexOf(column)])).sum();
        String rss = LocalPlatform.run(List.of("ps", "-o", "rss=", "-p", String.valueOf(pid)));
        System.out.printf(Locale.ROOT, "%n== scale: cluster-service memory%nheap used after a full GC: %.0f MiB; resident set: %.0f MiB%n",
                usedKib / 1024, Long.parseLong(rss.strip()) / 1024.0);
    }

    /**
     * Pages of 100 OSDs, at random, under wrk as the reads bench runs it: one connection per client, as a browser on
     * plain HTTP opens them. The same load runs unmeasured first: the JIT compiler still works on a fresh service, and
     * a running Loligo is warm. Each answer that says its {@code Age} was given from what the server kept.
     */
    private void measureOsdPages(String route, String base, String apiPath) throws Exception {
        Path script = Files.createTempFile("osd-pages", ".lua");
        Path counts = Files.createTempFile("osd-pages", ".counts");
        try {
            Files.writeString(script, osdPagesScript(apiPath, counts));
            GatewayBench.run(base, List.of("-s", script.toString()), CLIENTS, WARM_UP);
            // cluster-service's signatures hold for a minute: signed anew for the measured run
            Files.writeString(script, osdPagesScript(apiPath, counts));
            GatewayBench.Figures figures = GatewayBench.run(base, List.of("-s", script.toString()), CLIENTS, LOAD);
            String[] keptOfAll = Files.readString(counts).strip().split(" ");
            System.out.printf(Locale.ROOT, "%n== scale: GET osd?page_size=100 at a random page %s, wrk 1 thread, %d connections, %d s "
                            + "after %d s of warm-up%nanswered: %.0f requests/s, p50 %.2f ms, p99 %.2f ms; %.1f %% answered from what it kept%n",
                    route, CLIENTS, LOAD.toSeconds(), WARM_UP.toSeconds(), figures.requestsPerSecond(), figures.p50Millis(),
                    figures.p99Millis(), 100.0 * Long.parseLong(keptOfAll[0]) / Math.max(1, Long.parseLong(keptOfAll[1])));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(counts);
        }
    }

    /** A wrk script that asks for a random page of each request, with its credentials, and counts kept answers into {@code counts}. */
    private String osdPagesScript(String apiPath, Path counts) {
        StringBuilder lua = new StringBuilder("local pages = {\n");
        for (int page = 1; page <= OSDS / 100; page++) {
            String path = apiPath + "/cluster/" + SyntheticCluster.FSID + "/osd?page_size=100&page=" + page;
            lua.append(String.format(Locale.ROOT, "  {%s, {[\"Cookie\"] = %s, [\"%s\"] = %s}},%n", luaString(path),
                    luaString("loligo_session=" + session.cookie()), ServiceTokens.HEADER, luaString(LocalPlatform.signedGet(URI.create(path)))));
        }
        lua.append("""
                }
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                function init(args) kept = 0; answers = 0 end
                function request()
                  local page = pages[math.random(#pages)]
                  return wrk.format("GET", page[1], page[2])
                end
                function response(status, headers, body)
                  answers = answers + 1
                  if headers["Age"] then kept = kept + 1 end
                end
                function done(summary, latency, requests)
                  local k, a = 0, 0
                  for _, thread in ipairs(threads) do k = k + thread:get("kept"); a = a + thread:get("answers") end
                  local out = io.open(%s, "w"); out:write(k .. " " .. a .. "\\n"); out:close()
                end
                """.formatted(luaString(counts.toString())));
        return lua.toString();
    }

    private static String luaString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The console's OSD page in Chromium (web-ui/e2e/osd-page-bench.mjs), which prints its own figures. */
    private void measureOsdPageInBrowser() throws Exception {
        System.out.printf(Locale.ROOT, "%n== scale: the console's OSD page in Chromium, %d OSDs%n", OSDS);
        ProcessBuilder browser = platform.browserScript("node", "e2e/osd-page-bench.mjs");
        browser.environment().put("FSID", SyntheticCluster.FSID);
        Process process = browser.start();
        // through this JVM's own output: the test fork's stream carries only what the JVM writes
        try (var lines = process.inputReader().lines()) {
            lines.forEach(System.out::println);
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the browser benchmark failed");
        }
    }

    private void connectAsAgent(AmqpClient amqp) throws Exception {
        AmqpConnection connection = amqp.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        topic = connection.createSender("/exchange/amq.topic").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        replies = connection.createSender("/exchange/amq.topic/" + LocalPlatform.BUS_PREFIX + ".reply." + NODE).toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.createReceiver("/queue/" + LocalPlatform.BUS_PREFIX + ".cmd." + NODE, new AmqpReceiverOptions().setDurable(true))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(message -> answer(CODEC.decode(message.bodyAsBinary(), CommandEnvelope.class)));
    }

    private void answer(CommandEnvelope envelope) {
        if (!(envelope.command() instanceof FetchClusterMap fetch)) {
            // the synthetic cluster has maps only: a live read (the console's usage) times out, as with a mute agent
            return;
        }
        long version = versions().get(fetch.map());
        byte[] content = fetch.map() == ClusterMap.OSD_MAP ? osdMapContent.get(version)
                : encode(cluster.content(fetch.map(), version, Set.of()));
        byte[] reply = withContent(CommandReply.withMap(envelope.commandId(), NODE,
                new CommandReply.MapContent(SyntheticCluster.FSID, fetch.map(), version, TextNode.valueOf(PLACEHOLDER))), content);
        // compressed on the agent's path, as a real agent's reply is
        WireCodec.WireMessage wire = WireCodec.asWireMessage(reply);
        replies.sendWithAck(fromAgent(AmqpMessage.create().contentType(wire.contentType())
                        .withBufferAsBody(Buffer.buffer(wire.body())).build()))
                .onSuccess(sent -> {
                    if (fetch.map() == ClusterMap.OSD_MAP) {
                        osdMapReplySent.set(Instant.now());
                    }
                });
    }

    private static final String PLACEHOLDER = "\u0000content\u0000";

    /** The reply with the pre-encoded content in place of its placeholder. */
    private static byte[] withContent(CommandReply reply, byte[] content) {
        String encoded = new String(CODEC.encode(reply), StandardCharsets.UTF_8);
        String quoted = new String(CODEC.encode(PLACEHOLDER), StandardCharsets.UTF_8);
        int at = encoded.indexOf(quoted);
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + encoded.length());
        out.writeBytes(encoded.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(encoded.substring(at + quoted.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Map<ClusterMap, Long> versions() {
        Map<ClusterMap, Long> versions = new EnumMap<>(ClusterMap.class);
        for (ClusterMap map : ClusterMap.values()) {
            versions.put(map, 1L);
        }
        versions.put(ClusterMap.OSD_MAP, osdEpoch.get());
        return versions;
    }

    private void heartbeat() throws Exception {
        sendHeartbeat().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private io.vertx.core.Future<Void> sendHeartbeat() {
        NodeHeartbeat heartbeat = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, NODE, NODE, "synthetic-agent", Instant.now(),
                5, Instant.now().minus(Duration.ofDays(1)), "synthetic", "16.2.15", List.of(),
                List.of(new ClusterReport(SyntheticCluster.FSID, "ceph", versions())), List.of(),
                AgentSignatures.encode(KEY.getPublic()));
        byte[] json = CODEC.encode(heartbeat);
        return topic.sendWithAck(fromAgent(AmqpMessage.create().subject(LocalPlatform.BUS_PREFIX + ".heartbeat." + NODE)
                .applicationProperties(new JsonObject(AgentSignatures.signatureProperties(KEY.getPrivate(), json)))
                .contentType("application/json").withBufferAsBody(Buffer.buffer(json)).build()));
    }

    /** As an agent marks what it sends: the broker checks that the user-id is the agent's login. */
    private static AmqpMessage fromAgent(AmqpMessage message) {
        message.unwrap().setUserId(NODE.getBytes(StandardCharsets.UTF_8));
        return message;
    }

    private int osdCount() throws Exception {
        HttpResponse<byte[]> response = get(platform.gateway.url() + "/api/v3/cluster/" + SyntheticCluster.FSID + "/osd?page_size=1");
        return response.statusCode() == 200 ? MAPPER.readTree(response.body()).path("count").asInt() : -1;
    }

    private boolean osdIsUp(int osd) throws Exception {
        JsonNode view = MAPPER.readTree(get(platform.gateway.url() + "/api/v3/cluster/" + SyntheticCluster.FSID + "/osd/" + osd).body());
        return view.path("up").asBoolean(true);
    }

    private HttpResponse<byte[]> get(String url) {
        try {
            URI uri = URI.create(url);
            // the gateway takes the session; cluster-service, called directly, the services' signature
            return http.send(HttpRequest.newBuilder(uri).header("Cookie", "loligo_session=" + session.cookie())
                            .header(ServiceTokens.HEADER, LocalPlatform.signedGet(uri)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        }
    }

    private static byte[] encode(JsonNode content) {
        try {
            return MAPPER.writeValueAsBytes(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Duration limit, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + limit);
            }
            Thread.sleep(5);
        }
    }
}
