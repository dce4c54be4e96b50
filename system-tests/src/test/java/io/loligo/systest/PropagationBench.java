package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;


/**
 * How long a change in the cluster takes to show in the API, with its event: {@code ceph osd out}/{@code in}, and an
 * OSD process stopped (SIGTERM) and started again. Prints the distribution; asserts nothing, since a figure is
 * not a test. Run with {@code ./dev/loligo bench propagation}; the target is p95 within one second.
 */
class PropagationBench {
    private static final int TRIALS = Integer.getInteger("trials", 20);
    private static final int OSD = 2;
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long[] HISTOGRAM = {100, 250, 500, 750, 1000, 2000, 5000};

    private LocalPlatform platform;
    private LocalPlatform.Session session;
    private String fsid;

    @Test
    void propagation() throws Exception {
        try (LocalPlatform started = new LocalPlatform("PropagationBench")) {
            platform = started;
            platform.start();
            session = platform.login();
            fsid = platform.ceph("fsid");
            waitFor(() -> osd().isPresent());

            List<Long> outIn = new ArrayList<>();
            List<Long> stopStart = new ArrayList<>();
            for (int trial = 0; trial < TRIALS; trial++) {
                outIn.add(measure(() -> platform.ceph("osd", "out", String.valueOf(OSD)), "in", 0, "was marked out"));
                outIn.add(measure(() -> platform.ceph("osd", "in", String.valueOf(OSD)), "in", 1, "was marked in"));
                stopStart.add(measure(this::stopOsd, "up", 0, "went down"));
                // a restarted OSD takes seconds to boot and rejoin: that is Ceph's time, not ours, so it is not measured
                long beforeRestart = lastEventId();
                startOsd();
                waitFor(() -> field("up") == 1 && eventSince(beforeRestart, "came up"));
            }
            new Distribution(outIn).print("propagation: ceph osd out / in, until API and event show it", HISTOGRAM);
            new Distribution(stopStart).print("propagation: OSD process stopped (SIGTERM), until API and event show it", HISTOGRAM);
        }
    }

    /** From the moment Ceph has taken the change to the moment the API shows both the change and its event. */
    private long measure(Callable<?> change, String field, int expected, String eventText) throws Exception {
        long lastEvent = lastEventId();
        change.call();
        long start = System.nanoTime();
        waitFor(() -> field(field) == expected && eventSince(lastEvent, eventText));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Object stopOsd() throws Exception {
        Path pidFile = platform.cephConf.getParent().resolve("run/ceph-osd." + OSD + ".pid");
        String pid = Files.readString(pidFile).strip();
        LocalPlatform.run(List.of("kill", pid));
        return pid;
    }

    private void startOsd() throws Exception {
        LocalPlatform.run(List.of("ceph-osd", "--conf", platform.cephConf.toString(), "-i", String.valueOf(OSD)));
    }

    private RequestSpecification api() {
        return platform.api(session);
    }

    private java.util.Optional<JsonNode> osd() throws Exception {
        String body = api().get("/api/v3/cluster/{fsid}/osd/{id}", fsid, OSD).asString();
        JsonNode osd = MAPPER.readTree(body);
        return osd.has("id") ? java.util.Optional.of(osd) : java.util.Optional.empty();
    }

    private int field(String name) throws Exception {
        return osd().map(osd -> osd.path(name).asBoolean() ? 1 : 0).orElse(-1);
    }

    private long lastEventId() throws Exception {
        JsonNode page = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/event?page_size=1", fsid).asString());
        return page.path("results").path(0).path("id").asLong(0);
    }

    private boolean eventSince(long lastId, String text) throws Exception {
        JsonNode page = MAPPER.readTree(api().get("/api/v3/cluster/{fsid}/event?page_size=20", fsid).asString());
        for (JsonNode event : page.path("results")) {
            if (event.path("id").asLong() > lastId && event.path("message").asText().equals("OSD osd." + OSD + " " + text)) {
                return true;
            }
        }
        return false;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no change within " + LIMIT);
            }
            Thread.sleep(10);
        }
    }
}
