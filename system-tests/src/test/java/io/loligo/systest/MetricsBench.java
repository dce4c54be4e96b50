package io.loligo.systest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.identity.ServiceTokens;
import io.loligo.contracts.metrics.LineProtocol;
import io.loligo.contracts.metrics.Measurement;
import io.loligo.contracts.metrics.MetricBatch;
import io.loligo.contracts.wire.WireCodec;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Points through the pipeline (the agent's batches over the real broker, metrics-service, InfluxDB) beside a direct
 * bulk write of the same points to the same InfluxDB, then the latency of reading a 24-hour, 10-second series
 * through the API. The points are a day of OSD series at the agents' 10 s, about a million; the bench plays the
 * agents, in the agent's own line writer and message record, so that only the pipeline is measured.
 */
class MetricsBench {
    private static final int OSDS = Integer.getInteger("osds", 116);
    private static final int BATCH_POINTS = 5000;
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration DAY = Duration.ofHours(24);
    private static final int QUERIES = Integer.getInteger("queries", 200);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final long end = Instant.now().getEpochSecond() / STEP.toSeconds() * STEP.toSeconds();
    private final long start = end - DAY.toSeconds();

    @Test
    void metrics() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String directFsid = "bench-direct-" + run;
        String pipelineFsid = "bench-pipeline-" + run;
        List<LineProtocol> direct = day(directFsid);
        List<LineProtocol> pipeline = day(pipelineFsid);
        long points = direct.stream().mapToLong(LineProtocol::points).sum();
        System.out.printf(Locale.ROOT, "%n== metrics: %d points (%d OSDs, a day at %d s), batches of %d%n", points, OSDS,
                STEP.toSeconds(), BATCH_POINTS);
        Vertx vertx = Vertx.vertx();
        try (LocalPlatform platform = new LocalPlatform("MetricsBench")) {
            platform.start(platform.metricsService, platform.gateway);
            LocalPlatform.Session session = platform.login();

            double directRate = writeDirectly(direct, points);
            double pipelineRate = sendThroughPipeline(vertx, platform.metricsService, pipeline, pipelineFsid, points);
            System.out.printf(Locale.ROOT, "pipeline: %.0f points/s, %.2f of the direct write's %.0f points/s%n", pipelineRate,
                    pipelineRate / directRate, directRate);

            String series = "/metrics/values?measurement=osd&field=utilization&tag=fsid:" + pipelineFsid + "&tag=osd:7&from=" + start
                    + "&until=" + (end + 1) + "&resolution=10s";
            measureQueries("a 24-hour, 10-second series through api-gateway", () -> HttpRequest.newBuilder(
                    URI.create(platform.gateway.url() + "/api/v3" + series)).header("Cookie", "loligo_session=" + session.cookie()).build());
            // signed for each query, as the gateway signs each call
            URI fromMetricsService = URI.create(platform.metricsService.url() + "/internal/v2" + series);
            measureQueries("the same from metrics-service directly",
                    () -> HttpRequest.newBuilder(fromMetricsService).header(ServiceTokens.HEADER, LocalPlatform.signedGet(fromMetricsService)).build());
        } finally {
            vertx.close();
        }
    }

    /** A day of every OSD's series, in batches as an agent writes them. */
    private List<LineProtocol> day(String fsid) {
        List<LineProtocol> batches = new ArrayList<>();
        LineProtocol batch = new LineProtocol();
        for (long at = start; at < end; at += STEP.toSeconds()) {
            for (int osd = 0; osd < OSDS; osd++) {
                Map<String, Double> fields = new LinkedHashMap<>();
                fields.put("utilization", 40 + (at + osd) % 17 / 10.0);
                fields.put("commit_latency_ms", (double) ((at / 10 + osd) % 9));
                fields.put("apply_latency_ms", (double) ((at / 10 + osd) % 7));
                batch.add(Measurement.OSD, Map.of("fsid", fsid, "osd", String.valueOf(osd)), fields, at);
                if (batch.points() == BATCH_POINTS) {
                    batches.add(batch);
                    batch = new LineProtocol();
                }
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    /** Two streams of line protocol, as metrics-service writes: the best the same InfluxDB does. */
    private double writeDirectly(List<LineProtocol> batches, long points) throws Exception {
        List<String> bodies = batches.stream().map(LineProtocol::toString).toList();
        ExecutorService streams = Executors.newFixedThreadPool(2);
        long began = System.nanoTime();
        try {
            List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
            for (int stream = 0; stream < 2; stream++) {
                int first = stream;
                writes.add(streams.submit(() -> {
                    for (int i = first; i < bodies.size(); i += 2) {
                        HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create(LocalPlatform.INFLUX_URL + "/write?db="
                                        + LocalPlatform.INFLUX_DATABASE + "&rp=raw&precision=s"))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
                        if (written.statusCode() != 204) {
                            throw new IllegalStateException("InfluxDB answered " + written.statusCode() + ": " + written.body());
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> write : writes) {
                write.get(10, TimeUnit.MINUTES);
            }
        } finally {
            streams.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "direct bulk write to InfluxDB: %.2f s, %.0f points/s%n", seconds, points / seconds);
        return points / seconds;
    }

    /**
     * From the first batch sent until metrics-service has written every point, then checked by counting them in
     * InfluxDB. The batches are encoded before the clock starts.
     */
    private double sendThroughPipeline(Vertx vertx, ServiceProcess metricsService, List<LineProtocol> batches, String fsid, long points)
            throws Exception {
        long storedBefore = metricsService.readinessFigure("points_stored");
        List<AmqpMessage> messages = new ArrayList<>();
        for (LineProtocol lines : batches) {
            MetricBatch batch = MetricBatch.of("bench-agent", lines);
            WireCodec.WireMessage body = batch.body();
            messages.add(LocalPlatform.fromServiceUser(AmqpMessage.create().durable(true).contentType(body.contentType())
                    .applicationProperties(new JsonObject(batch.properties())).withBufferAsBody(Buffer.buffer(body.body())).build()));
        }
        AmqpClient amqp = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(LocalPlatform.TEST_BROKER_PORT)
                .setUsername("guest").setPassword("guest"));
        AmqpConnection connection = amqp.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        AmqpSender sender = connection.createSender("/exchange/amq.topic/" + LocalPlatform.BUS_PREFIX + ".metrics.bench-agent")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        long began = System.nanoTime();
        List<Future<Void>> accepted = new ArrayList<>();
        for (AmqpMessage message : messages) {
            accepted.add(sender.sendWithAck(message));
        }
        Future.all(accepted).toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
        double sentSeconds = (System.nanoTime() - began) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (metricsService.readinessFigure("points_stored") - storedBefore < points) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("metrics-service wrote " + (metricsService.readinessFigure("points_stored") - storedBefore) + " of " + points
                        + " points after 10 minutes");
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (stored(fsid) != points) {
            throw new IllegalStateException("InfluxDB holds " + stored(fsid) + " of the " + points + " points sent");
        }
        amqp.close();
        System.out.printf(Locale.ROOT, "through the pipeline (broker took every batch after %.2f s): %.2f s, %.0f points/s%n",
                sentSeconds, seconds, points / seconds);
        return points / seconds;
    }

    private long stored(String fsid) throws Exception {
        return LocalPlatform.influxCount("SELECT count(\"utilization\") FROM \"" + LocalPlatform.INFLUX_DATABASE
                + "\".\"raw\".\"osd\" WHERE \"fsid\" = '" + fsid + "' AND time >= " + start + "s");
    }

    private void measureQueries(String title, Supplier<HttpRequest> queries) throws Exception {
        List<Long> millis = new ArrayList<>();
        int expected = (int) (DAY.toSeconds() / STEP.toSeconds());
        for (int i = 0; i < QUERIES + QUERIES / 4; i++) {
            HttpRequest query = queries.get();
            long began = System.nanoTime();
            HttpResponse<String> response = http.send(query, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query.uri() + " answered " + response.statusCode() + ": " + body);
            }
            long took = (System.nanoTime() - began) / 1_000_000;
            // the first quarter warms the JIT and the caches up
            if (i >= QUERIES / 4) {
                millis.add(took);
            }
            if (i == 0) {
                int count = MAPPER.readTree(body).path("series").path(0).path("points").size();
                if (count != expected) {
                    throw new IllegalStateException("the series has " + count + " points, not " + expected);
                }
            }
        }
        new Distribution(millis).print("metrics: " + title, 10, 25, 50, 100, 250);
    }
}
