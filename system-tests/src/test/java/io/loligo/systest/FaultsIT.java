package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Ordinary faults, one after another, under a steady load: reads through the gateway several times a second, and a
 * change (a pool quota, each a value of its own) every second, while the agent sends its metric batches. After each
 * fault every request the gateway accepted must end in the state Ceph's answer gives (the last one complete holds the
 * value Ceph shows), no call may have answered a 5xx but a 503 problem (nor told the logged-in administrator to log in
 * again), none after the recovery, and no service may have needed a restart it did not get from the test. Prints each fault's recovery time, from the end of the fault to
 * the first change that completes after it.
 */
class FaultsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration SERVICE_DOWN = Duration.ofSeconds(45);
    /** Generous: the figure printed is what counts; this only catches a platform that does not come back. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);
    private static LocalPlatform platform;
    private static LocalPlatform.Session session;
    private static String fsid;
    private static int labPool;
    /** The agent's node, as its host series are tagged. */
    private static String HOST;
    private static final Map<String, Outcome> TABLE = new LinkedHashMap<>();
    /** Other durations measured on the way, printed after the table. */
    private static final Map<String, Duration> FIGURES = new LinkedHashMap<>();
    /** The ids of the requests the last fault's load made. */
    private static List<String> LAST_FAULT_REQUESTS = List.of();

    /** What one fault cost: how long it lasted, how long the platform took to change things again, what callers saw. */
    record Outcome(Duration fault, Duration recovery, int requests, int complete, int failed, int refused503, int wrong,
                   Points points) {
    }

    /** The agent's metric points for one series with a time in a window, beside the collection slots the window holds. */
    record Points(long stored, long slots) {
    }

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = new LocalPlatform("FaultsIT");
        platform.start();
        session = platform.login();
        HOST = LocalPlatform.run(List.of("hostname", "-f"));
        fsid = platform.ceph("fsid");
        for (JsonNode pool : MAPPER.readTree(platform.ceph("osd", "pool", "ls", "detail", "--format", "json"))) {
            if (pool.path("pool_name").asText().equals("lab")) {
                labPool = pool.path("pool_id").asInt();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> api().get("/api/v3/cluster/{fsid}/pool", fsid).statusCode() == 200);
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        System.out.println("== faults survived (each under a read load and a change a second)");
        System.out.printf("%-52s %7s %10s %9s %9s %7s %7s %7s %12s%n", "fault", "lasted", "recovered", "requests", "complete",
                "failed", "503", "wrong", "host points");
        TABLE.forEach((fault, outcome) -> System.out.printf("%-52s %6ds %9.1fs %9d %9d %7d %7d %7d %12s%n", fault, outcome.fault().toSeconds(),
                outcome.recovery().toMillis() / 1000.0, outcome.requests(), outcome.complete(), outcome.failed(),
                outcome.refused503(), outcome.wrong(), outcome.points().stored() + " of " + outcome.points().slots()));
        FIGURES.forEach((what, took) -> System.out.printf("%-60s %6.1fs%n", what, took.toMillis() / 1000.0));
        if (platform != null) {
            for (ServiceProcess service : List.of(platform.clusterService, platform.metricsService, platform.gateway, platform.agent)) {
                if (service.alive()) {
                    System.out.printf("%-16s resident %d MiB%n", service.name(), service.residentMib());
                }
            }
            // a fault cut short leaves no daemon of the tests' cluster stopped for the tests after it
            platform.startCephDaemons();
            platform.ceph("osd", "pool", "set-quota", "lab", "max_objects", "0");
            platform.close();
        }
    }

    private static RequestSpecification api() {
        return given().baseUri(platform.gateway.url()).cookie("loligo_session", session.cookie())
                .header("X-XSRF-TOKEN", session.xsrfToken());
    }

    @Test
    void every_ordinary_fault_is_survived_and_every_request_ends_as_ceph_did() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        fault(softly, "PostgreSQL stopped 20 s", load -> {
            platform.postgres("stop");
            try {
                Thread.sleep(5_000);
                // the maps are held in memory, by a leader stepped down to standby too
                for (String read : List.of("/api/v3/cluster/{fsid}/osd", "/api/v3/cluster/{fsid}/pool", "/api/v3/cluster/{fsid}/health",
                        "/api/v3/cluster/{fsid}/mon", "/api/v3/cluster/{fsid}/fs")) {
                    Response answer = api().get(read, fsid);
                    softly.assertThat(answer.statusCode()).as(read + " while PostgreSQL is away: " + answer.asString()).isEqualTo(200);
                }
                Thread.sleep(15_000);
            } finally {
                platform.postgres("start");
            }
        });
        fault(softly, "RabbitMQ restarted", load -> {
            LocalPlatform.rabbitmqctl("stop_app");
            Thread.sleep(5_000);
            LocalPlatform.rabbitmqctl("start_app");
        });
        fault(softly, "InfluxDB stopped 60 s", load -> {
            platform.influxdb("stop");
            Thread.sleep(60_000);
            platform.influxdb("start");
        });
        fault(softly, "mon stopped 20 s", load -> {
            platform.stopCephDaemon("mon.a");
            int logBefore;
            Instant started;
            try {
                Thread.sleep(20_000);
            } finally {
                logBefore = platform.agent.logText().length();
                started = Instant.now();
                platform.startCephDaemons();
            }
            // the agent is back when it reads the cluster's versions again
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> platform.agent.logText().substring(logBefore).contains("reaching cluster " + fsid + " again"));
            FIGURES.put("the agent reached the cluster again after the mon's return", Duration.between(started, Instant.now()));
        });
        softly.assertThat(FIGURES.get("the agent reached the cluster again after the mon's return"))
                .as("the agent's reconnection after the mon's return").isLessThanOrEqualTo(Duration.ofSeconds(5));
        softly.assertThat(requestLogsOf(LAST_FAULT_REQUESTS)).as("a change made while the mon was away waited for it")
                .anySatisfy(log -> org.assertj.core.api.Assertions.assertThat(log).contains("The monitors did not answer agent"));
        fault(softly, "mgr stopped 60 s", load -> {
            Instant stopped = Instant.now();
            platform.stopCephDaemon("mgr.x");
            try {
                // what needs the mgr says so, by name, once the agent has seen it go (the mons notice after their 30 s grace)
                await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Response space = api().get("/api/v3/cluster/{fsid}/space", fsid);
                    softly.assertThat(space.statusCode()).as("space without the mgr: never another 5xx than 503").isIn(200, 503, 504);
                    org.assertj.core.api.Assertions.assertThat(space.statusCode()).isEqualTo(503);
                    org.assertj.core.api.Assertions.assertThat(space.contentType()).startsWith("application/problem+json");
                    org.assertj.core.api.Assertions.assertThat(space.path("reason").toString()).isEqualTo("MgrUnavailable");
                    org.assertj.core.api.Assertions.assertThat(space.path("detail").toString()).contains("ceph-mgr");
                });
                FIGURES.put("reads needing the mgr named it after it stopped", Duration.between(stopped, Instant.now()));
                // everything else carries on: a change goes through, and the agent's host is on time
                String id = load.change();
                softly.assertThat(id).as("a change accepted while the mgr is away").isNotNull();
                if (id != null) {
                    softly.assertThat(awaitEnded(id).path("state").asText()).as("a change made while the mgr is away").isEqualTo("complete");
                }
                softly.assertThat(api().get("/api/v3/server").path("late").toString()).as("servers late while the mgr is away")
                        .doesNotContain("true");
                Thread.sleep(Math.max(0, Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now())).toMillis()));
            } finally {
                platform.startCephDaemons();
            }
        });
        // the mons' own word on the mgr reached the event log both ways
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(api().get("/api/v3/cluster/{fsid}/event?page_size=200", fsid)
                                .path("results.message").toString())
                        .contains("appeared: MGR_DOWN").contains("cleared: MGR_DOWN"));
        fault(softly, "cluster-service killed after a change, back in 45 s", load -> {
            load.change();
            killedAndBack(platform.clusterService);
        });
        fault(softly, "api-gateway killed, back in 45 s", load -> killedAndBack(platform.gateway));
        String rule = alwaysFiringRule("FaultsMetricsAway");
        JsonNode reporting = await().atMost(Duration.ofSeconds(60)).until(() -> firing("FaultsMetricsAway"), Optional::isPresent).orElseThrow();
        fault(softly, "metrics-service killed, back in 45 s", load -> killedAndBack(platform.metricsService));
        softly.assertThat(api().get("/api/v3/alert/{id}", reporting.path("id").asLong()).path("state").toString())
                .as("a rule on metrics is not taken as cleared while metrics-service is away").isEqualTo("firing");
        api().delete("/api/v3/alert/rule/{id}", rule).then().statusCode(204);
        fault(softly, "Alertmanager, SMTP server and webhook away 30 s while an alert fires", load -> receiversAway(softly));
        fault(softly, "node-agent killed in the middle of a change, back in 45 s", false, load -> {
            load.change();
            killedAndBack(platform.agent);
        });
        // no change without its audit entry, through every fault
        long audited = platform.auditLog(session).stream().filter(entry -> entry.method().equals("PATCH")
                && entry.path().equals("/api/v3/cluster/" + fsid + "/pool/" + labPool) && entry.status() == 202).count();
        softly.assertThat(audited).as("changes accepted (202) and audited").isEqualTo(Load.ACCEPTED.get());
        for (ServiceProcess service : List.of(platform.clusterService, platform.metricsService, platform.gateway, platform.agent)) {
            softly.assertThat(service.alive()).as(service.name() + " runs at the end, never having exited by itself").isTrue();
            softly.assertThat(service.residentMib()).as(service.name() + " resident memory, MiB").isLessThan(1024);
        }
        softly.assertAll();
    }

    /** An operator's rule that holds at once, for as long as the agent reports osd.0: an alert that fires throughout. */
    private static String alwaysFiringRule(String name) {
        return api().contentType(ContentType.JSON).body(Map.of("name", name, "measurement", "osd", "field", "pgs",
                "tags", Map.of("fsid", fsid, "osd", "0"), "window", "5m", "comparison", ">=", "threshold", 0, "for", "0s",
                "description", "The faults test's alert, firing while osd.0 reports.")).post("/api/v3/alert/rule")
                .then().statusCode(201).extract().path("id").toString();
    }

    /**
     * Every kind of receiver is added while its far end is away (the tests' Alertmanager and SMTP sink stopped, the
     * webhook's port closed), then a rule whose alert fires at once: it is owed to each receiver, and tried again as
     * they fail. Back after 30 s, each is told once that it fires; the rule removed, each is told once that it
     * resolved, the webhook and the mailbox asserted after a marker sent last.
     */
    private static void receiversAway(SoftAssertions softly) throws Exception {
        int hookPort;
        try (AlertSinks probe = new AlertSinks(0, platform.maildir())) {
            hookPort = Integer.parseInt(probe.hookUrl().replaceAll(".*:(\\d+)/hook", "$1"));
        }
        platform.alertmanager("stop");
        platform.mailSink("stop");
        List<String> receivers = new ArrayList<>();
        String rule;
        try {
            for (Map<String, String> receiver : List.of(
                    Map.of("name", "faults-hook", "kind", "webhook", "url", "http://127.0.0.1:" + hookPort + "/hook"),
                    Map.of("name", "faults-alertmanager", "kind", "alertmanager", "url", LocalPlatform.ALERTMANAGER_URL),
                    Map.of("name", "faults-mail", "kind", "email", "url", "mailto:faults@loligo.test"))) {
                receivers.add(api().contentType(ContentType.JSON).body(receiver).post("/api/v3/alert/receiver")
                        .then().statusCode(201).extract().path("id").toString());
            }
            rule = alwaysFiringRule("FaultsReceiversAway");
            await().atMost(Duration.ofSeconds(60)).until(() -> firing("FaultsReceiversAway"), Optional::isPresent);
            Thread.sleep(30_000);
        } finally {
            platform.alertmanager("start");
            platform.mailSink("start");
        }
        JsonNode alert = firing("FaultsReceiversAway").orElseThrow();
        String fingerprint = alert.path("fingerprint").asText();
        String since = Instant.parse(alert.path("active_since").asText()).toString();
        try (AlertSinks sinks = new AlertSinks(hookPort, platform.maildir())) {
            // failures are tried again 2, 4, 8 ... s apart, up to a minute
            await().atMost(Duration.ofSeconds(90)).until(() -> sinks.told(fingerprint, since, "firing") == 1);
            await().atMost(Duration.ofSeconds(90)).until(() -> AlertSinks.alertmanagerHolds(fingerprint));
            await().atMost(Duration.ofSeconds(90)).until(() -> sinks.mailed(fingerprint, since, "[FIRING:1]") == 1);
            api().delete("/api/v3/alert/rule/{id}", rule).then().statusCode(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.told(fingerprint, since, "resolved") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> sinks.mailed(fingerprint, since, "[RESOLVED]") == 1);
            // a marker sent after everything else: once the webhook has it, every notification owed before has come
            api().post("/api/v3/alert/receiver/{id}/test", receivers.get(0)).then().statusCode(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> sinks.hooked().toString().contains("LoligoTestAlert"));
            softly.assertThat(sinks.told(fingerprint, since, "firing")).as("the webhook told once it fires, after its outage").isEqualTo(1);
            softly.assertThat(sinks.told(fingerprint, since, "resolved")).as("the webhook told once it resolved").isEqualTo(1);
            softly.assertThat(sinks.mailed(fingerprint, since, "[FIRING:1]")).as("mailed once it fires, after the outage").isEqualTo(1);
            softly.assertThat(sinks.mailed(fingerprint, since, "[RESOLVED]")).as("mailed once it resolved").isEqualTo(1);
        } finally {
            for (String receiver : receivers) {
                api().delete("/api/v3/alert/receiver/{id}", receiver).then().statusCode(204);
            }
        }
    }

    private static Optional<JsonNode> firing(String name) throws Exception {
        return AlertSinks.named(api().get("/api/v3/alert?state=firing&page_size=1000").asString(), name, null, null);
    }

    interface Fault {
        void happen(Load load) throws Exception;
    }

    private static void fault(SoftAssertions softly, String name, Fault fault) throws Exception {
        fault(softly, name, true, fault);
    }

    /** @param agentRuns whether the agent runs throughout, so that every one of its metric points must be stored */
    private static void fault(SoftAssertions softly, String name, boolean agentRuns, Fault fault) throws Exception {
        Load load = new Load();
        Instant started;
        Instant ended;
        Instant recovered;
        try {
            load.start();
            Thread.sleep(1_000);
            started = Instant.now();
            fault.happen(load);
            ended = Instant.now();
            // recovered: a change made from now on goes through to Ceph and completes
            recovered = awaitRecovery(load);
            Thread.sleep(1_000);
        } finally {
            load.close();
        }
        Duration recovery = Duration.between(ended, recovered);

        // every request the gateway accepted ends, and ends as Ceph did
        List<JsonNode> requests = new ArrayList<>();
        for (Load.Change change : load.changes) {
            requests.add(awaitEnded(change.requestId()));
        }
        LAST_FAULT_REQUESTS = load.changes.stream().map(Load.Change::requestId).toList();
        int complete = 0;
        int failed = 0;
        int lastCompleteValue = -1;
        for (int i = 0; i < requests.size(); i++) {
            String state = requests.get(i).path("state").asText();
            softly.assertThat(state).as(name + ": request " + requests.get(i)).isIn("complete", "error");
            if (state.equals("complete")) {
                complete++;
                lastCompleteValue = load.changes.get(i).value();
            } else {
                failed++;
                // a refusal names what refused it: no agent, or Ceph's own reason
                softly.assertThat(requests.get(i).path("error_message").asText()).as(name + ": why it failed").isNotBlank();
            }
        }
        long cephValue = quotaOnCeph();
        softly.assertThat(cephValue).as(name + ": the quota Ceph holds is the one of the last request complete")
                .isEqualTo(lastCompleteValue);
        softly.assertThat(load.wrong).as(name + ": answers in the 5xx range other than a 503 problem, or refusals of a valid session")
                .isEmpty();
        softly.assertThat(load.after(recovered).stream().filter(call -> call.status() >= 500).toList())
                .as(name + ": 5xx answers after the recovery").isEmpty();
        softly.assertThat(recovery).as(name + ": recovery").isLessThan(RECOVERY_LIMIT);
        Points points = hostPoints(started, recovered, agentRuns);
        if (agentRuns) {
            softly.assertThat(points.stored()).as(name + ": the host's load points stored for the fault's time, of " + points.slots())
                    .isGreaterThanOrEqualTo(points.slots() - 1);
        }
        TABLE.put(name, new Outcome(Duration.between(started, ended), recovery, requests.size(), complete, failed,
                load.refused503.get(), load.wrong.size(), points));
    }

    private static void killedAndBack(ServiceProcess service) throws Exception {
        service.kill();
        Thread.sleep(SERVICE_DOWN.toMillis());
        service.start();
        service.awaitReady(Duration.ofSeconds(90));
    }

    /** The first moment a change made after the fault completes: the platform acts again. */
    private static Instant awaitRecovery(Load load) {
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            String id = load.change();
            return id != null && awaitEnded(id).path("state").asText().equals("complete");
        });
        return Instant.now();
    }

    private static JsonNode awaitEnded(String requestId) throws Exception {
        List<JsonNode> ended = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
            Response response = api().get("/api/v3/request/{id}", requestId);
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode request = MAPPER.readTree(response.asString());
            // unknown settles once the agent's answer or the map comes: it is no final state after a recovery
            if (List.of("queued", "submitted", "unknown").contains(request.path("state").asText())) {
                return false;
            }
            ended.add(request);
            return true;
        });
        return ended.get(0);
    }

    /**
     * The points of the host's {@code load} series stored with a time between the fault's start and the recovery,
     * once those that waited out the fault have arrived (or a minute has passed), beside the agent's collection slots
     * in that time. Each slot holds one point, so a lost batch shows as a shortfall; one slot of slack, for a tick the
     * scheduler made late at either end.
     */
    private static Points hostPoints(Instant from, Instant to, boolean agentRuns) throws Exception {
        long interval = LocalPlatform.METRICS_INTERVAL.toSeconds();
        long slots = Math.floorDiv(to.getEpochSecond(), interval) - Math.floorDiv(from.getEpochSecond() + interval - 1, interval) + 1;
        String query = "SELECT count(\"load1\") FROM \"" + LocalPlatform.INFLUX_DATABASE + "\".\"raw\".\"load\" WHERE \"host\" = '"
                + HOST + "' AND time >= '" + from + "' AND time <= '" + to + "'";
        long[] stored = {0};
        try {
            await().atMost(Duration.ofSeconds(agentRuns ? 60 : 10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                stored[0] = LocalPlatform.influxCount(query);
                return stored[0] >= slots - 1;
            });
        } catch (org.awaitility.core.ConditionTimeoutException shortOfSlots) {
            // the caller judges, from the figures
        }
        return new Points(stored[0], slots);
    }

    /** Each request's log, as one text. */
    private static List<String> requestLogsOf(List<String> requestIds) {
        return requestIds.stream().map(id -> api().get("/api/v3/request/{id}", id).path("log").toString()).toList();
    }

    private static long quotaOnCeph() throws Exception {
        return MAPPER.readTree(platform.ceph("osd", "pool", "get-quota", "lab", "--format", "json")).path("quota_max_objects").asLong();
    }

    /**
     * Reads of the cluster's state through the gateway as fast as one caller makes them, and a quota change a second,
     * each with a value of its own; every answer is kept with its time.
     */
    static final class Load implements AutoCloseable {
        private static final List<String> READS = List.of("/api/v3/cluster", "/api/v3/cluster/{fsid}/osd", "/api/v3/cluster/{fsid}/pool",
                "/api/v3/cluster/{fsid}/health", "/api/v3/server", "/api/v3/request", "/api/v3/cluster/{fsid}/event");
        private static final AtomicInteger NEXT_VALUE = new AtomicInteger(10_000);
        /** Changes the gateway accepted, over every fault. */
        static final AtomicInteger ACCEPTED = new AtomicInteger();

        record Call(Instant at, String path, int status, String contentType) {
        }

        record Change(String requestId, int value) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final List<Call> wrong = new CopyOnWriteArrayList<>();
        final List<Change> changes = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger refused503 = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        void start() {
            daemon(() -> {
                int i = 0;
                while (running.get()) {
                    call(READS.get(i++ % READS.size()));
                }
            });
            daemon(() -> {
                while (running.get()) {
                    change();
                    pause(1000);
                }
            });
        }

        private void daemon(Runnable work) {
            Thread thread = new Thread(work, "fault-load");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        /**
         * A quota change of a value of its own through the gateway, kept in the order sent (the cluster's queue keeps
         * it too): its request id, or null when the gateway could not take it now.
         */
        synchronized String change() {
            int value = NEXT_VALUE.incrementAndGet();
            try {
                Response response = api().contentType(ContentType.JSON).body("{\"quota_max_objects\": " + value + "}")
                        .patch("/api/v3/cluster/{fsid}/pool/{id}", fsid, labPool);
                record("PATCH pool", response);
                if (response.statusCode() != 202) {
                    return null;
                }
                ACCEPTED.incrementAndGet();
                changes.add(new Change(response.path("request_id"), value));
                return response.path("request_id");
            } catch (Exception unreachable) {
                // RestAssured throws a refused connection (a checked exception) without declaring it
                calls.add(new Call(Instant.now(), "PATCH pool", 0, ""));
                return null;
            }
        }

        private void call(String path) {
            try {
                record(path, api().get(path, fsid));
            } catch (Exception unreachable) {
                // the gateway itself is down: no answer at all, which Kubernetes' other replicas would cover
                calls.add(new Call(Instant.now(), path, 0, ""));
                pause(200);
            }
            pause(50);
        }

        private void record(String path, Response response) {
            Call call = new Call(Instant.now(), path, response.statusCode(), String.valueOf(response.contentType()));
            calls.add(call);
            if (call.status() == 503 && call.contentType().startsWith("application/problem+json")
                    && response.header("Retry-After") != null) {
                refused503.incrementAndGet();
            } else if (call.status() >= 500 || call.status() == 401 || call.status() == 403) {
                // an outage is no reason to tell a logged-in administrator to log in again
                wrong.add(call);
            }
        }

        List<Call> after(Instant moment) {
            return calls.stream().filter(call -> call.at().isAfter(moment)).toList();
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (!running.get()) {
                return;
            }
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }
}
