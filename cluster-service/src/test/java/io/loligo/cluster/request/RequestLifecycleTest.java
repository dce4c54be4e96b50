package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.BrokerClient;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.command.ImageChange;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.RbdChange;
import io.loligo.contracts.command.ReadRbdImages;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A request over the real broker and database, with a stand-in agent that answers from recorded maps: it completes
 * only once the OSD map held shows the change, and fails when the agent stays silent.
 */
@QuarkusTest
class RequestLifecycleTest {
    private final WireCodec codec = new WireCodec();
    private final String fsid = UUID.randomUUID().toString();
    private final String agent = "requests-" + UUID.randomUUID();
    private final AtomicLong epoch = new AtomicLong(20);
    private final AtomicReference<ObjectNode> osdMap = new AtomicReference<>();
    private final AtomicLong healthVersion = new AtomicLong(1);
    private final AtomicReference<JsonNode> health = new AtomicReference<>(JsonNodeFactory.instance.objectNode()
            .put("status", "HEALTH_OK").set("checks", JsonNodeFactory.instance.objectNode()));
    private final BlockingQueue<CommandEnvelope> changes = new LinkedBlockingQueue<>();
    private BrokerClient broker;
    /** Pool lab as the agent lists it: one clone, of an image in another pool. */
    private final JsonNode rbdImages = json("""
            {"images": [{"name": "disk", "id": "1f2e3d", "size": 1073741824, "object_size": 4194304, "order": 22,
              "features": ["layering", "exclusive-lock", "object-map", "fast-diff", "deep-flatten"], "data_pool_id": null,
              "parent": {"pool_id": 1, "pool": "device_health_metrics", "namespace": "", "image_id": "9a8b", "image": "golden",
                         "in_trash": false, "snapshot": "base"},
              "snapshot_count": 0, "snapshots": [], "watchers": 0, "created_at": "2026-12-06T10:00:00Z",
              "provisioned_bytes": 1073741824, "used_bytes": 0}],
             "ids": ["1f2e3d"], "pending": 0, "mark": "agent/1", "whole": true, "trash": []}""");

    @BeforeEach
    void startAgent() throws Exception {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.set("osd_dump", CephFixtures.json("osd-dump.json"));
        map.set("osd_tree", CephFixtures.json("osd-tree.json"));
        map.set("osd_metadata", CephFixtures.json("osd-metadata.json"));
        osdMap.set(map);
        broker = new BrokerClient();
        broker.onCommands(agent, envelope -> {
            if (envelope.command() instanceof FetchClusterMap fetch && fetch.map() == ClusterMap.OSD_MAP) {
                reply(CommandReply.withMap(envelope.commandId(), agent,
                        new CommandReply.MapContent(fsid, ClusterMap.OSD_MAP, epoch.get(), osdMap.get().deepCopy())));
            } else if (envelope.command() instanceof FetchClusterMap fetch && fetch.map() == ClusterMap.HEALTH) {
                reply(CommandReply.withMap(envelope.commandId(), agent,
                        new CommandReply.MapContent(fsid, ClusterMap.HEALTH, healthVersion.get(), health.get().deepCopy())));
            } else if (envelope.command() instanceof ReadRbdImages) {
                reply(CommandReply.withOutput(envelope.commandId(), agent, rbdImages));
            } else if (envelope.command() instanceof OsdChange || envelope.command() instanceof RbdChange) {
                changes.add(envelope);
            }
        });
        heartbeat();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(200).body("in", equalTo(true)));
    }

    @AfterEach
    void stopAgent() {
        broker.close();
    }

    @Test
    void aRequestCompletesOnlyWhenTheOsdMapShowsTheChange() throws Exception {
        String id = given().contentType(ContentType.JSON).header(OsdApi.REQUESTED_BY, "alice").body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");

        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.command()).isEqualTo(OsdChange.of(fsid, 1, OsdChange.Kind.MARK_OUT));
        reply(CommandReply.withOutput(sent.commandId(), agent, applied("marked out osd.1. ", 21)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("submitted")).body("status", equalTo("Waiting for OSD map epoch 21"))
                .body("progress", equalTo(50)).body("requested_by", equalTo("alice")));

        // the cluster's map moves on; the agent reports it, and cluster-service fetches it
        ((ObjectNode) osdMap.get().path("osd_dump").path("osds").get(1)).put("in", 0);
        epoch.set(21);
        heartbeat();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("complete")).body("progress", equalTo(100)).body("error", equalTo(false)));
        given().get("/internal/v2/cluster/{fsid}/osd/1", fsid).then().body("in", equalTo(false));
        given().get("/internal/v2/cluster/{fsid}/request?state=complete", fsid).then().statusCode(200)
                .body("results.id", hasItem(id)).body("results[0].log.message", hasItem("Ceph answered: marked out osd.1. (OSD map epoch 21)"));
        // delivered again, the reply changes nothing
        reply(CommandReply.withOutput(sent.commandId(), agent, applied("marked out osd.1. ", 21)));
        given().contentType(ContentType.JSON).body("{\"in\": false}").patch("/internal/v2/cluster/{fsid}/osd/1", fsid)
                .then().statusCode(304);
        given().post("/internal/v2/request/{id}/cancel", id).then().statusCode(409).body("reason", equalTo("RequestEnded"));
    }

    /** Command ids can be read off the API: another accepted agent that answers one settles nothing. */
    @Test
    void aChangeIsSettledOnlyByTheAgentItWentTo() throws Exception {
        String bystander = "bystander-" + UUID.randomUUID();
        broker.heartbeat(new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, bystander, bystander + ".example.com", bystander,
                Instant.now(), 5, Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", Map.of())), List.of(),
                broker.publicKey()));
        String id = given().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();

        broker.reply(bystander, CommandReply.failed(sent.commandId(), bystander, new CommandReply.Failure("EPERM", "made up")));
        broker.reply(bystander, CommandReply.withOutput(sent.commandId(), bystander, applied("made up too", 21)));
        reply(CommandReply.withOutput(sent.commandId(), agent, applied("marked out osd.1. ", 22)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("submitted")).body("status", equalTo("Waiting for OSD map epoch 22")));
        given().get("/internal/v2/request/{id}", id).then().body("log.message", org.hamcrest.Matchers.not(hasItem(
                org.hamcrest.Matchers.containsString("made up"))));
    }

    @Test
    void aChangeTheAgentDoesNotAnswerInTimeHasAnUnknownOutcomeUntilTheAnswerComes() throws Exception {
        String id = reweightOsd2();
        CommandEnvelope first = changes.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();

        // no answer within the reply timeout says nothing of what Ceph did: never an error, never complete
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("unknown")).body("error", equalTo(false))
                .body("error_message", startsWith("Agent " + agent + " did not answer within 6 s: whether Ceph made the change"))
                .body("error_message", org.hamcrest.Matchers.containsString("\"prefix\":\"osd reweight\"")));
        // sent again within the reply timeout, under the same id, before the request gave up
        List<CommandEnvelope> resent = new java.util.ArrayList<>();
        changes.drainTo(resent);
        assertThat(resent).isNotEmpty().hasSizeLessThanOrEqualTo(Requests.RESENDS)
                .allSatisfy(envelope -> assertThat(envelope.commandId()).isEqualTo(first.commandId()));
        // the cluster's queue moved on meanwhile
        String next = given().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(changes.poll(10, TimeUnit.SECONDS)).isNotNull();

        // the answer comes late: Ceph made the change, and once the map shows it the request is complete, with an event
        reply(CommandReply.withOutput(first.commandId(), agent, applied("reweighted item id 2 name 'osd.2' to 0.5", 21)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("unknown")).body("status", equalTo("Waiting for OSD map epoch 21")));
        epoch.set(21);
        heartbeat();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("complete")).body("error", equalTo(false)).body("error_message", equalTo(""))
                .body("log.message", hasItem("Ceph answered late: reweighted item id 2 name 'osd.2' to 0.5 (OSD map epoch 21)")));
        given().get("/internal/v2/cluster/{fsid}/event", fsid).then().body("results.message", hasItem("Request " + id
                + " (" + given().get("/internal/v2/request/{id}", id).path("headline") + "), whose outcome was unknown, is complete:"
                + " Ceph made the change"));
        given().get("/internal/v2/request/{id}", next).then().body("state", equalTo("submitted"));
        given().get("/internal/v2/request?state=sideways").then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().get("/internal/v2/request/{id}", "not-an-id").then().statusCode(404);
    }

    @Test
    void aLateRefusalTurnsAnUnknownOutcomeIntoAnError() throws Exception {
        String id = reweightOsd2();
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("unknown")));

        reply(CommandReply.failed(sent.commandId(), agent, new CommandReply.Failure("EBUSY", "the monitors are busy")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("error")).body("error", equalTo(true))
                .body("error_message", equalTo("Agent " + agent + " answered late: Ceph did not make the change: the monitors are busy")));
        given().get("/internal/v2/cluster/{fsid}/event?severity=warning", fsid).then()
                .body("results.message", hasItem(startsWith("Request " + id)));
    }

    /** An election or a mon restart delays a change; it does not fail it. */
    @Test
    void aChangeTheMonitorsCouldNotTakeWaitsForThemAndIsTriedAgain() throws Exception {
        String id = reweightOsd2();
        CommandEnvelope first = changes.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();

        reply(CommandReply.failed(first.commandId(), agent, new CommandReply.Failure(CommandReply.Failure.MONITORS_UNREACHABLE,
                "rados_connect failed: ETIMEDOUT, no answer from the monitors [rc=-110]")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("submitted")).body("status", equalTo(Requests.WAITING_FOR_MONITORS))
                .body("log.message", hasItem(startsWith("The monitors did not answer agent " + agent))));
        // tried again, under the same id: the agent remembers no answer for a change the monitors never took
        CommandEnvelope again = changes.poll(Requests.MONITORS_RETRY.toSeconds() + 5, TimeUnit.SECONDS);
        assertThat(again).isNotNull();
        assertThat(again.commandId()).isEqualTo(first.commandId());
        reply(CommandReply.withOutput(again.commandId(), agent, applied("reweighted item id 2 name 'osd.2' to 0.5", 21)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("submitted")).body("status", equalTo("Waiting for OSD map epoch 21"))
                .body("log.message", hasItem(startsWith("The monitors answered again after"))));
    }

    @Test
    void aChangeTheMonitorsNeverTakeFailsWithTheReasonOnceTheMapTimeoutHasPassed() throws Exception {
        String id = reweightOsd2();
        Instant started = Instant.now();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            CommandEnvelope sent = changes.poll();
            if (sent != null) {
                reply(CommandReply.failed(sent.commandId(), agent, new CommandReply.Failure(CommandReply.Failure.MONITORS_UNREACHABLE,
                        "mon command 'osd reweight' failed: ETIMEDOUT, no answer from the monitors [rc=-110]")));
            }
            given().get("/internal/v2/request/{id}", id).then().body("state", equalTo("error"))
                    .body("error_message", startsWith("The monitors did not answer agent " + agent + " for "))
                    .body("error_message", org.hamcrest.Matchers.endsWith("ETIMEDOUT, no answer from the monitors [rc=-110]"));
        });
        // map-timeout is 12 s under test: tried for that long, not failed at the first refusal
        assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofSeconds(12));
    }

    /** Ready means the change is in the maps; what data it moves is followed after, and holds up nothing. */
    @Test
    void aChangeThatMovesDataCompletesAndItsStatusFollowsTheMovementWithoutHoldingUpTheQueue() throws Exception {
        String id = reweightOsd2();
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        reply(CommandReply.withOutput(sent.commandId(), agent, applied("reweighted item id 2 name 'osd.2' to 0.5", 21)));
        cephHealth("{\"OBJECT_MISPLACED\": {\"severity\": \"HEALTH_WARN\", \"summary\": {\"message\": \"100/300 objects misplaced (33.333%)\", \"count\": 100}}}");
        epoch.set(21);
        heartbeat();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("complete"))
                .body("status", equalTo("Complete; moving data: 100 objects misplaced, 0 degraded (0 % done)")));

        cephHealth("{\"PG_DEGRADED\": {\"severity\": \"HEALTH_WARN\", \"summary\": {\"message\": \"Degraded data redundancy: 40/300 objects degraded (13.333%), 3 pgs degraded\", \"count\": 3}}}");
        heartbeat();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("status", equalTo("Complete; moving data: 0 objects misplaced, 40 degraded (60 % done)")));

        // the queue moved on meanwhile; a later change that moves data takes the following over
        String next = given().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");
        CommandEnvelope out = changes.poll(10, TimeUnit.SECONDS);
        assertThat(out).isNotNull();
        reply(CommandReply.withOutput(out.commandId(), agent, applied("marked out osd.1. ", 22)));
        epoch.set(22);
        heartbeat();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("status", equalTo("Complete; data movement followed by request " + next)));

        cephHealth("{}");
        heartbeat();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/internal/v2/request/{id}", next).then()
                .body("state", equalTo("complete")).body("status", startsWith("Complete; data movement finished after ")));
    }

    @Test
    void aCancelledRequestSaysTheChangeMayStillHappen() throws Exception {
        String id = given().contentType(ContentType.JSON).body("{\"up\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/0", fsid).then().statusCode(202).extract().path("request_id");
        assertThat(changes.poll(10, TimeUnit.SECONDS)).isNotNull();

        given().post("/internal/v2/request/{id}/cancel", id).then().statusCode(200).body("state", equalTo("cancelled"))
                .body("log.message", hasItem("Cancelled; the change sent to agent " + agent + " may still take effect"));
        given().contentType(ContentType.JSON).body("{\"up\": true, \"reweight\": 2}")
                .patch("/internal/v2/cluster/{fsid}/osd/0", fsid).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("up", "reweight"));
    }

    @Test
    void aClustersRequestsRunOneAtATimeInTheOrderMade() throws Exception {
        String first = given().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");
        String second = given().contentType(ContentType.JSON).body("{\"reweight\": 0.5}")
                .patch("/internal/v2/cluster/{fsid}/osd/2", fsid).then().statusCode(202).extract().path("request_id");
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent.command()).isEqualTo(OsdChange.of(fsid, 1, OsdChange.Kind.MARK_OUT));
        given().get("/internal/v2/request/{id}", second).then().body("state", equalTo("queued"))
                .body("status", equalTo("Queued behind 1 earlier request"));
        // nothing for the second request yet; the first may be sent again for want of an answer
        CommandEnvelope meanwhile = changes.poll(1, TimeUnit.SECONDS);
        if (meanwhile != null) {
            assertThat(meanwhile.commandId()).isEqualTo(sent.commandId());
        }

        reply(CommandReply.withOutput(sent.commandId(), agent, applied("marked out osd.1. ", 20)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/internal/v2/request/{id}", first).then().body("state", equalTo("complete")));
        CommandEnvelope next;
        do {
            next = changes.poll(10, TimeUnit.SECONDS);
            assertThat(next).isNotNull();
        } while (next.commandId().equals(sent.commandId()));
        assertThat(next.command()).isEqualTo(new OsdChange(fsid, 2, OsdChange.Kind.REWEIGHT, 0.5));
        given().get("/internal/v2/request/{id}", second).then().body("state", equalTo("submitted"));

        // newest first, a page and the count in one query; past the last page, the count still
        given().get("/internal/v2/cluster/{fsid}/request?page_size=1", fsid).then().statusCode(200).body("count", equalTo(2))
                .body("results.id", contains(second)).body("next", equalTo("?page=2&page_size=1"));
        given().get("/internal/v2/cluster/{fsid}/request?page=3&page_size=1", fsid).then().statusCode(200)
                .body("count", equalTo(2)).body("results", empty());
    }

    /** As while the broker restarts: the agent falls silent, and a request made meanwhile starts once it is back. */
    @Test
    void aRequestMadeWhileNoAgentReportsWaitsForOneAndFailsOnlyAfterTheWait() throws Exception {
        // an agent that beats every second is late after three, and no longer the one the cluster's changes go to
        fallSilent();
        String waits = given().contentType(ContentType.JSON).body("{\"in\": false}")
                .patch("/internal/v2/cluster/{fsid}/osd/1", fsid).then().statusCode(202).extract().path("request_id");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/internal/v2/request/{id}", waits).then()
                .body("state", equalTo("queued")).body("status", equalTo("Waiting for an agent"))
                .body("log.message", hasItem("No agent reaches cluster " + fsid + " now (an agent, the broker or the monitors may be away): waiting up to 4 s for one")));
        heartbeat();
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.command()).isEqualTo(OsdChange.of(fsid, 1, OsdChange.Kind.MARK_OUT));
        given().post("/internal/v2/request/{id}/cancel", waits).then().statusCode(200);

        fallSilent();
        String fails = given().contentType(ContentType.JSON).body("{\"reweight\": 0.5}")
                .patch("/internal/v2/cluster/{fsid}/osd/2", fsid).then().statusCode(202).extract().path("request_id");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/internal/v2/request/{id}", fails).then()
                .body("state", equalTo("error"))
                .body("error_message", equalTo("No agent has reported cluster " + fsid + " recently: nothing can make the change")));
    }

    /**
     * A long RBD change tells how far it got: shown as the request's status, and a sign of life that holds off
     * sending it again or giving it up for longer than the reply timeout. It completes on its answer, which is in
     * no map.
     */
    @Test
    void aLongRbdChangeShowsItsProgressAndIsNotGivenUpWhileItReportsIt() throws Exception {
        String id = given().post("/internal/v2/cluster/{fsid}/pool/2/image/disk/flatten", fsid).then().statusCode(202)
                .extract().path("request_id");
        CommandEnvelope sent = changes.poll(10, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.command()).isEqualTo(ImageChange.of(fsid, 2, "disk", ImageChange.Kind.FLATTEN));

        // twice the reply timeout of reports, each well within the time after which a change is sent again
        for (int done = 1; done <= 12; done++) {
            reply(CommandReply.inProgress(sent.commandId(), agent, new CommandReply.Progress(done * 32, 384)));
            int percent = done * 32 * 100 / 384;
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                    .body("state", equalTo("submitted")).body("status", equalTo("Running rbd flatten disk (pool 2): " + percent + " % done"))
                    // the change is the first of two steps, the second the wait for the maps
                    .body("progress", equalTo(percent / 2)));
            Thread.sleep(1000);
        }
        assertThat(changes).as("not sent again while it reports progress").isEmpty();

        reply(CommandReply.withOutput(sent.commandId(), agent, JsonNodeFactory.instance.objectNode().put("outs", "rbd flatten disk (pool 2): done")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/request/{id}", id).then()
                .body("state", equalTo("complete")).body("log.message", hasItem("Ceph answered: rbd flatten disk (pool 2): done")));
        given().post("/internal/v2/cluster/{fsid}/pool/2/image/missing/flatten", fsid).then().statusCode(404)
                .body("reason", equalTo("ImageNotFound"));
    }

    /** A reweight of osd.2 through the API: its request id. */
    private String reweightOsd2() {
        return given().contentType(ContentType.JSON).body("{\"reweight\": 0.5}")
                .patch("/internal/v2/cluster/{fsid}/osd/2", fsid).then().statusCode(202).extract().path("request_id");
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode applied(String outs, long osdMapEpoch) {
        return JsonNodeFactory.instance.objectNode().put("outs", outs).put("osd_map_epoch", osdMapEpoch);
    }

    private void heartbeat() throws Exception {
        heartbeat(5);
    }

    /** The cluster's health checks from now on, as the stand-in agent reports and answers them. */
    private void cephHealth(String checks) throws Exception {
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("status", checks.equals("{}") ? "HEALTH_OK" : "HEALTH_WARN");
        detail.set("checks", new com.fasterxml.jackson.databind.ObjectMapper().readTree(checks));
        health.set(detail);
        healthVersion.incrementAndGet();
    }

    /**
     * Beats once with a period of a second, then falls silent until the inventory shows the agent late: three periods,
     * as long as the cluster's changes keep going to it (both are {@code Liveness}'s, from the same heartbeat).
     */
    private void fallSilent() throws Exception {
        heartbeat(1);
        String fqdn = agent + ".example.com";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/server/{fqdn}", fqdn).then()
                .body("heartbeat_period", equalTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/server/{fqdn}", fqdn).then()
                .body("late", equalTo(true)));
    }

    private void heartbeat(int periodSeconds) throws Exception {
        Map<ClusterMap, Long> versions = Map.of(ClusterMap.OSD_MAP, epoch.get(), ClusterMap.HEALTH, healthVersion.get());
        NodeHeartbeat heartbeat = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, agent, agent + ".example.com", agent,
                Instant.now(), periodSeconds, Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", versions)), List.of(), broker.publicKey());
        broker.heartbeat(heartbeat);
    }

    private void reply(CommandReply reply) {
        broker.replyWithoutWaiting(agent, codec.toWire(reply));
    }
}
