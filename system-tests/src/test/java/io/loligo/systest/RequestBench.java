package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a change takes through Loligo's API, from the request until it is complete (the cluster's maps show
 * it), beside the same change made with the ceph CLI, which returns once the mons have taken it. Prints both
 * distributions; asserts nothing. Run with {@code ./dev/loligo bench requests}; the target is at most the CLI's
 * time plus one map propagation.
 */
class RequestBench {
    private static final int TRIALS = Integer.getInteger("trials", 20);
    private static final int POOL_TRIALS = Integer.getInteger("pool-trials", 5);
    private static final int OSD = 2;
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final long[] HISTOGRAM = {100, 250, 500, 750, 1000, 2000, 5000};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LocalPlatform platform;
    private LocalPlatform.Session session;
    private String fsid;

    @Test
    void osdOutAndIn() throws Exception {
        try (LocalPlatform started = new LocalPlatform("RequestBench")) {
            platform = started;
            platform.start();
            session = platform.login();
            fsid = platform.ceph("fsid");
            waitUntilSynchronised();

            List<Long> api = new ArrayList<>();
            List<Long> cli = new ArrayList<>();
            for (int trial = 0; trial < TRIALS; trial++) {
                api.add(throughApi(false));
                api.add(throughApi(true));
                cli.add(throughCli("out"));
                awaitApiShows(false);
                cli.add(throughCli("in"));
                awaitApiShows(true);
            }
            new Distribution(api).print("requests: osd out / in through the API, until the request is complete", HISTOGRAM);
            new Distribution(cli).print("requests: the same with the ceph CLI, until the command returns", HISTOGRAM);

            List<Long> apiPools = new ArrayList<>();
            List<Long> cliPools = new ArrayList<>();
            for (int trial = 0; trial < POOL_TRIALS; trial++) {
                apiPools.add(createPoolThroughApi("loligo-bench-api-" + trial));
                cliPools.add(createPoolThroughCli("loligo-bench-cli-" + trial));
            }
            new Distribution(apiPools).print("requests: pool create (8 PGs, size 2) through the API, until the request is complete", HISTOGRAM);
            new Distribution(cliPools).print("requests: the same with the ceph CLI (create, then set size), until it returns", HISTOGRAM);
        }
    }

    private long throughApi(boolean in) throws Exception {
        long start = System.nanoTime();
        String id = platform.api(session).contentType(ContentType.JSON).body("{\"in\": " + in + "}")
                .patch("/api/v3/cluster/{fsid}/osd/{id}", fsid, OSD).then().statusCode(202).extract().path("request_id");
        return awaitComplete(id, start);
    }

    /** The pool is removed afterwards, untimed, so that every trial starts from the same cluster. */
    private long createPoolThroughApi(String name) throws Exception {
        long start = System.nanoTime();
        String id = platform.api(session).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"pg_num\": 8, \"size\": 2}")
                .post("/api/v3/cluster/{fsid}/pool", fsid).then().statusCode(202).extract().path("request_id");
        long took = awaitComplete(id, start);
        platform.ceph("osd", "pool", "rm", name, name, "--yes-i-really-really-mean-it");
        return took;
    }

    private long createPoolThroughCli(String name) throws Exception {
        long start = System.nanoTime();
        platform.ceph("osd", "pool", "create", name, "8");
        platform.ceph("osd", "pool", "set", name, "size", "2");
        long took = (System.nanoTime() - start) / 1_000_000;
        platform.ceph("osd", "pool", "rm", name, name, "--yes-i-really-really-mean-it");
        return took;
    }

    private long awaitComplete(String id, long start) throws Exception {
        while (true) {
            JsonNode request = MAPPER.readTree(platform.api(session).get("/api/v3/request/{id}", id).asString());
            String state = request.path("state").asText();
            if (state.equals("complete")) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            if (!state.equals("queued") && !state.equals("submitted")) {
                throw new IllegalStateException("request ended " + state + ": " + request.path("error_message").asText());
            }
            if (System.nanoTime() - start > LIMIT.toNanos()) {
                throw new IllegalStateException("request not complete within " + LIMIT);
            }
            Thread.sleep(5);
        }
    }

    private long throughCli(String inOrOut) throws Exception {
        long start = System.nanoTime();
        platform.ceph("osd", inOrOut, String.valueOf(OSD));
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The CLI returns before the maps move: the next request must start from the state the CLI left. */
    private void awaitApiShows(boolean in) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (MAPPER.readTree(platform.api(session).get("/api/v3/cluster/{fsid}/osd/{id}", fsid, OSD).asString())
                .path("in").asBoolean() != in) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the API did not show osd." + OSD + " " + (in ? "in" : "out") + " within " + LIMIT);
            }
            Thread.sleep(10);
        }
    }

    private void waitUntilSynchronised() throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (platform.api(session).get("/api/v3/cluster/{fsid}/osd/{id}", fsid, OSD).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the OSD map did not arrive within " + LIMIT);
            }
            Thread.sleep(100);
        }
    }
}
