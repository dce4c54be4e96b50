package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.ServiceTokens;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import io.vertx.amqp.AmqpMessage;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as separate processes on the real local cluster (see dev/), on its own databases and
 * its own topic prefix, so that it never mixes with a platform that dev/up left running.
 */
final class LocalPlatform implements AutoCloseable {
    static final String BUS_PREFIX = "loligo-systest";
    /** The tests' own broker node, as dev/lib/rabbitmq.sh starts it: faults played on it never reach dev/up's platform. */
    static final String TEST_BROKER_NODE = "loligo-test@localhost";
    static final int TEST_BROKER_PORT = 5673;
    /** The system tests' own PostgreSQL cluster, as dev/lib/postgres.sh makes it. */
    static final int TEST_PG_PORT = 5433;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CLUSTER_DATABASE = "loligo_cluster_systest";
    static final String GATEWAY_DATABASE = "loligo_gateway_systest";
    static final String INFLUX_DATABASE = "loligo_systest";
    /** The tests' own InfluxDB, as dev/lib/influxdb.sh starts it. */
    static final String INFLUX_URL = "http://127.0.0.1:18096";
    /** The tests' own Alertmanager, as dev/lib/alertmanager.sh starts it. */
    static final String ALERTMANAGER_URL = "http://127.0.0.1:18193";
    /** The tests' own SMTP sink, as dev/lib/mailsink.sh starts it: each mail a file under {@link #maildir()}. */
    static final int MAIL_PORT = 18125;
    /** The services' shared secret for this run: the gateway signs its calls with it, the broker asks with it. */
    static final String INTERNAL_SECRET = UUID.randomUUID().toString().replace("-", "");
    /** Short, so that lateness shows within seconds; real agents use 5 s. */
    static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(2);
    /** Short, so that series fill within seconds; real agents collect every 10 s. */
    static final Duration METRICS_INTERVAL = Duration.ofSeconds(2);

    final Path repository = Path.of("..").toAbsolutePath().normalize();
    /** Each run's logs, keys and screenshots apart, so that a later run never hides what an earlier one left. */
    final Path workDir;
    final Path cephConf = cephConf(repository);
    /** The CA and certificate the services' internal calls go over TLS with. */
    final InternalTls tls;
    final ServiceProcess clusterService;
    final ServiceProcess metricsService;
    final ServiceProcess gateway;
    final ServiceProcess agent;
    private final List<ServiceProcess> started = new ArrayList<>();
    /** Where each agent this platform starts keeps its key. */
    private final Map<ServiceProcess, String> agentStateDirs = new HashMap<>();
    private final List<Mutation> mutationsSent = new ArrayList<>();

    /** @param run names the work directory, under target/systest: the test class that starts the platform */
    LocalPlatform(String run) throws IOException {
        workDir = Path.of("target/systest", run).toAbsolutePath();
        Files.createDirectories(workDir);
        Files.deleteIfExists(adminPasswordFile());
        try {
            tls = InternalTls.create(workDir.resolve("tls"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("openssl was interrupted", e);
        }
        metricsService = new ServiceProcess("metrics-service", repository, workDir, Map.of(
                "loligo.metrics.influx.url", INFLUX_URL,
                "loligo.metrics.influx.database", INFLUX_DATABASE,
                "loligo.bus.prefix", BUS_PREFIX,
                "amqp-port", String.valueOf(TEST_BROKER_PORT))).servesTls(tls);
        clusterService = clusterService("cluster-service");
        // the gateway calls the others over TLS, as in the prod overlay
        Map<String, String> gatewayProperties = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + TEST_PG_PORT + "/" + GATEWAY_DATABASE,
                "quarkus.rest-client.cluster-service.url", clusterService.tlsUrl(),
                "quarkus.rest-client.cluster-service.tls-configuration-name", "internal",
                "quarkus.rest-client.metrics-service.url", metricsService.tlsUrl(),
                "quarkus.rest-client.metrics-service.tls-configuration-name", "internal",
                "loligo.gateway.initial-admin-password-file", adminPasswordFile().toString()));
        gatewayProperties.putAll(tls.trusting());
        gateway = new ServiceProcess("api-gateway", repository, workDir, gatewayProperties);
        agent = new ServiceProcess("node-agent", repository, workDir, agentProperties("agent-state"));
        agentStateDirs.put(agent, "agent-state");
    }

    /** Where the tests' SMTP sink keeps each mail it takes, a file apiece. */
    Path maildir() {
        return repository.resolve(".dev/mailsink-tests/maildir/new");
    }

    /** Another agent on this host, for the cluster the first one reaches, under its own node id. */
    ServiceProcess anotherAgent(String nodeId) throws IOException {
        Map<String, String> properties = new HashMap<>(agentProperties("agent-state-" + nodeId));
        properties.put("loligo.agent.node-id", nodeId);
        ServiceProcess another = new ServiceProcess("node-agent", "node-agent-" + nodeId, repository, workDir, properties);
        agentStateDirs.put(another, "agent-state-" + nodeId);
        return another;
    }

    /** A second cluster-service on the same database and broker: it waits as a standby while the first leads. */
    ServiceProcess anotherClusterService() throws IOException {
        return clusterService("cluster-service-standby");
    }

    /** A cluster-service serving TLS, which it advertises to a standby passing calls on to it. */
    private ServiceProcess clusterService(String instance) throws IOException {
        ServiceProcess service = new ServiceProcess("cluster-service", instance, repository, workDir, clusterServiceProperties()).servesTls(tls);
        JsonNode rgwKey = new ObjectMapper().readTree(cephConf.resolveSibling("rgw.a").resolve("loligo-admin.json").toFile());
        // metric rules read metrics-service over TLS, as in the prod overlay
        return service.with("loligo.leadership.advertised-url", service.tlsUrl()).with("loligo.rgw.url", rgwUrl())
                .with("quarkus.rest-client.metrics-service.url", metricsService.tlsUrl())
                .with("quarkus.rest-client.metrics-service.tls-configuration-name", "internal")
                .withSecret("LOLIGO_RGW_ACCESS_KEY", rgwKey.path("access_key").asText())
                .withSecret("LOLIGO_RGW_SECRET_KEY", rgwKey.path("secret_key").asText());
    }

    private static Map<String, String> clusterServiceProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + TEST_PG_PORT + "/" + CLUSTER_DATABASE,
                "loligo.bus.prefix", BUS_PREFIX,
                "amqp-port", String.valueOf(TEST_BROKER_PORT),
                "loligo.leadership.check-interval", "1s",
                // alerts fire within seconds of their condition, where real rules wait a minute or more
                "loligo.alerts.evaluate-every", "1s",
                "loligo.alerts.pending-for", "3s",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(MAIL_PORT),
                "quarkus.mailer.start-tls", "DISABLED");
    }

    /**
     * A script of the console's (web-ui/e2e) in Debian's Chromium against this platform: it logs in as the first
     * administrator, checks against this platform's Ceph cluster, and leaves its screenshots in the work directory.
     */
    ProcessBuilder browserScript(String... command) throws IOException {
        ProcessBuilder script = new ProcessBuilder(command).directory(repository.resolve("web-ui").toFile()).redirectErrorStream(true);
        script.environment().putAll(Map.of(
                "LOLIGO_URL", gateway.url(),
                "LOLIGO_PASSWORD", adminPassword(),
                "CEPH_CONF", cephConf.toString(),
                "SCREENSHOTS", workDir.resolve("screenshots").toString()));
        return script;
    }

    /**
     * Has the broker ask this cluster-service which agent may do what, as Kubernetes' Service sends it to the leader:
     * over TLS, checking the certificate against the services' CA, as the prod overlay has it.
     */
    void brokerAsks(ServiceProcess service) throws IOException, InterruptedException {
        run(List.of("bash", "-c", "set -e; source \"$1/dev/lib/common.sh\"; source \"$1/dev/lib/rabbitmq.sh\"; BROKER_NODE=$TEST_BROKER_NODE broker_asks_cluster_service \"$2\" \"$3\" \"$4\"",
                // by name: Erlang's HTTP client checks a host name, never an address, against the certificate
                "-", repository.toString(), "https://localhost:" + service.tlsPort(), INTERNAL_SECRET, tls.ca().toString()));
    }

    private Map<String, String> agentProperties(String stateDir) {
        return Map.ofEntries(
                Map.entry("loligo.bus.prefix", BUS_PREFIX),
                Map.entry("amqp-port", String.valueOf(TEST_BROKER_PORT)),
                Map.entry("loligo.agent.heartbeat-period", HEARTBEAT_PERIOD.toSeconds() + "s"),
                Map.entry("loligo.agent.metrics.interval", METRICS_INTERVAL.toSeconds() + "s"),
                Map.entry("loligo.agent.ceph.conf", cephConf.toString()),
                Map.entry("loligo.agent.state-dir", workDir.resolve(stateDir).toString()),
                // the local cluster keeps its logs beside its configuration (see dev/lib/ceph.sh)
                Map.entry("loligo.agent.logs.directory", cephConf.getParent().toString()),
                Map.entry("loligo.agent.logs.include", "log"),
                // and its daemons are started and stopped by the project's script, as systemd would on a production host
                Map.entry("loligo.agent.services.manager", "command"),
                Map.entry("loligo.agent.services.command", repository.resolve("dev/loligo") + ",ceph-daemon,tests"),
                // its OSDs made on its file-backed devices, as ceph-volume would on disks
                Map.entry("loligo.agent.osds.provisioner", "command"),
                Map.entry("loligo.agent.osds.command", repository.resolve("dev/loligo") + ",ceph-osd,tests"),
                Map.entry("loligo.agent.osds.device-files", cephConf.getParent().resolve("devices").toString()));
    }

    void start() throws Exception {
        start(clusterService, metricsService, gateway, agent);
    }

    /** Empties the databases once, so that each run starts from nothing while restarts within a run keep their data. */
    void start(ServiceProcess... services) throws Exception {
        for (String database : List.of(CLUSTER_DATABASE, GATEWAY_DATABASE)) {
            run(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(TEST_PG_PORT), "-U", "postgres", "-d", database, "-qc",
                    "DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION loligo"));
        }
        // agents last, as dev/up starts them, once the broker asks this platform's cluster-service about them
        for (boolean agents : new boolean[]{false, true}) {
            if (agents && Arrays.asList(services).contains(clusterService)) {
                brokerAsks(clusterService);
            }
            List<ServiceProcess> batch = Arrays.stream(services).filter(service -> (service == agent) == agents).toList();
            for (ServiceProcess service : batch) {
                service.start();
                started.add(service);
            }
            for (ServiceProcess service : batch) {
                service.awaitReady(Duration.ofSeconds(90));
            }
        }
        if (Arrays.asList(services).contains(agent)) {
            acceptAgent(agent, run(List.of("hostname", "-f")));
        }
    }

    /**
     * Accepts an agent's key as an administrator would, once the agent has asked, naming the key it accepts: until
     * then the agent is not trusted.
     */
    void acceptAgent(String nodeId, String fingerprint) throws IOException {
        Session admin = login();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                api(admin).get("/api/v3/key/{id}", nodeId).statusCode() == 200);
        api(admin).contentType(ContentType.JSON).body(Map.of("status", "accepted", "fingerprint", fingerprint))
                .patch("/api/v3/key/{id}", nodeId).then().statusCode(200);
    }

    /** Accepts the key that an agent this platform started made in its state directory. */
    void acceptAgent(ServiceProcess agent, String nodeId) throws IOException {
        String publicKey = Files.readString(workDir.resolve(agentStateDirs.get(agent)).resolve("agent-key.pub")).strip();
        acceptAgent(nodeId, AgentSignatures.fingerprint(publicKey));
    }

    Path adminPasswordFile() {
        return workDir.resolve("admin-password");
    }

    String adminPassword() throws IOException {
        return Files.readString(adminPasswordFile()).strip();
    }

    /** A logged-in user's session cookie and the XSRF token its unsafe requests echo. */
    record Session(String cookie, String xsrfToken) {
    }

    /** Logs in as the first administrator. */
    Session login() throws IOException {
        return login("admin", adminPassword());
    }

    Session login(String username, String password) {
        var login = given().baseUri(gateway.url()).contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/v3/auth/login");
        login.then().statusCode(200);
        return new Session(login.getCookie("loligo_session"), login.getCookie("XSRF-TOKEN"));
    }

    /** The gateway's API as that user, as the web UI calls it. Every mutation sent is remembered for the audit check. */
    /** A new API token of the session's user, for callers that send a bearer token (wrk, a plain HTTP client). */
    String apiToken(Session session, String name) {
        return api(session).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v3/user/me/token").then().statusCode(201).extract().path("token");
    }

    RequestSpecification api(Session session) {
        return given().baseUri(gateway.url()).cookie("loligo_session", session.cookie())
                .header("X-XSRF-TOKEN", session.xsrfToken()).filter(this::rememberMutation);
    }

    /** cluster-service's or metrics-service's own API, called as the gateway calls it: signed with the services' secret. */
    static RequestSpecification internal(ServiceProcess service) {
        return given().baseUri(service.url()).filter(LocalPlatform::signed);
    }

    private static Response signed(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        URI uri = URI.create(request.getURI());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        request.header(ServiceTokens.HEADER, ServiceTokens.sign(ServiceTokens.secret(INTERNAL_SECRET), request.getMethod(), pathAndQuery,
                request.getHeaders().getValue("X-Loligo-User"), Instant.now()));
        return context.next(request, response);
    }

    /** The same for a plain HTTP client: the header that signs a GET of this URI. */
    static String signedGet(URI uri) {
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ServiceTokens.sign(ServiceTokens.secret(INTERNAL_SECRET), "GET", pathAndQuery, null, Instant.now());
    }

    /** A mutation as the audit log should hold it. */
    record Mutation(String method, String path, int status) {
    }

    private Response rememberMutation(FilterableRequestSpecification request, FilterableResponseSpecification response,
                                      FilterContext context) {
        Response answer = context.next(request, response);
        if (!Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod())) {
            String path = URI.create(request.getURI()).getPath();
            synchronized (mutationsSent) {
                mutationsSent.add(new Mutation(request.getMethod(), path, answer.statusCode()));
            }
        }
        return answer;
    }

    /** The mutations sent through {@link #api} so far. */
    List<Mutation> mutationsSent() {
        synchronized (mutationsSent) {
            return List.copyOf(mutationsSent);
        }
    }

    /** The whole audit log, oldest first, as the administrator reads it. */
    List<Mutation> auditLog(Session admin) throws IOException {
        List<Mutation> entries = new ArrayList<>();
        String next = "?page_size=1000";
        while (next != null) {
            JsonNode page = MAPPER.readTree(given().baseUri(gateway.url()).cookie("loligo_session", admin.cookie())
                    .get("/api/v3/audit" + next).then().statusCode(200).extract().asString());
            page.path("results").forEach(entry -> entries.add(
                    new Mutation(entry.path("method").asText(), URI.create(entry.path("path").asText()).getPath(),
                            entry.path("status").asInt())));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        }
        Collections.reverse(entries);
        return entries;
    }

    /** Runs the ceph CLI on the same cluster: the reference every figure is checked against. */
    String ceph(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ceph", "--conf", cephConf.toString(), "--connect-timeout", "10"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** The ceph tool's exit code, for a command whose refusal is the answer (ok-to-stop). */
    int cephExitCode(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ceph", "--conf", cephConf.toString(), "--connect-timeout", "10"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }

    /** The tests' own RGW, where its configuration says it listens ({@code rgw_frontends}). */
    String rgwUrl() throws IOException {
        Matcher endpoint = Pattern.compile("rgw_frontends = beast endpoint=(\\S+)").matcher(Files.readString(cephConf));
        if (!endpoint.find()) {
            throw new IllegalStateException("no RGW endpoint in " + cephConf);
        }
        return "http://" + endpoint.group(1);
    }

    /** The {@code radosgw-admin} tool on the tests' own cluster: the reference for what Loligo reports of RGW users and buckets. */
    String radosgwAdmin(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("radosgw-admin", "--conf", cephConf.toString(), "--format", "json"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** {@code s3cmd} against the tests' own RGW, as the user whose keys are given. */
    String s3(String accessKey, String secretKey, String... args) throws IOException, InterruptedException {
        String endpoint = rgwUrl().substring("http://".length());
        List<String> command = new ArrayList<>(List.of("s3cmd", "--config=/dev/null", "--no-ssl", "--access_key=" + accessKey,
                "--secret_key=" + secretKey, "--host=" + endpoint, "--host-bucket=" + endpoint));
        command.addAll(List.of(args));
        return run(command);
    }

    /** The {@code rbd} tool on the tests' own cluster: fixtures, and the reference for what Loligo reports of images. */
    String rbd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rbd", "--conf", cephConf.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Stops (as a crash would: every session ends at once) or starts the system tests' own PostgreSQL cluster. */
    void postgres(String verb) throws IOException, InterruptedException {
        run(List.of("bash", "-c", "set -e; source \"$1/dev/lib/common.sh\"; source \"$1/dev/lib/postgres.sh\"; test_postgres \"$2\"",
                "-", repository.toString(), verb));
    }

    /** Stops or starts the tests' own InfluxDB through the project's own script. */
    void influxdb(String verb) throws IOException, InterruptedException {
        run(List.of(repository.resolve("dev/loligo").toString(), "influxdb", verb, "tests"));
    }

    /** Stops or starts the tests' own Alertmanager through the project's own script. */
    void alertmanager(String verb) throws IOException, InterruptedException {
        run(List.of(repository.resolve("dev/loligo").toString(), "alertmanager", verb, "tests"));
    }

    /** Stops or starts the tests' own SMTP sink through the project's own script. */
    void mailSink(String verb) throws IOException, InterruptedException {
        run(List.of(repository.resolve("dev/loligo").toString(), "mailsink", verb, "tests"));
    }

    /** Stops one daemon of the tests' own Ceph cluster (mon.a, mgr.x, osd.N) as a restart would, through the project's script. */
    void stopCephDaemon(String daemon) throws IOException, InterruptedException {
        run(List.of(repository.resolve("dev/loligo").toString(), "ceph", "stop", daemon, "tests"));
    }

    /** Starts whatever daemon of the tests' own Ceph cluster is not running. */
    /** A lab verb's exit code, for one whose answer it is ({@code ceph-daemon status}). */
    int labExitCode(String verb, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repository.resolve("dev/loligo").toString(), verb, "tests"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** One of dev/loligo's lab verbs on the tests' cluster: {@code lab("ceph-device", "add", "disk-a")}. */
    String lab(String verb, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repository.resolve("dev/loligo").toString(), verb, "tests"));
        command.addAll(List.of(args));
        return run(command).strip();
    }

    void startCephDaemons() throws IOException, InterruptedException {
        run(List.of(repository.resolve("dev/loligo").toString(), "ceph", "start", "tests"));
    }

    /** An InfluxQL statement on the local InfluxDB, read or write, with its answer. */
    static JsonNode influxQuery(String statement) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(INFLUX_URL + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8))).build();
        return MAPPER.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The number a {@code SELECT count(...)} answers, 0 when nothing matched. */
    static long influxCount(String countQuery) throws IOException, InterruptedException {
        JsonNode values = influxQuery(countQuery).path("results").path(0).path("series").path(0).path("values");
        return values.size() == 0 ? 0 : values.path(0).path(1).asLong();
    }

    /**
     * Marks a message as sent by the services' broker user, which the tests log in as to play agents: the services
     * believe such a message whatever agent it names, as they believe an agent's own.
     */
    static AmqpMessage fromServiceUser(AmqpMessage message) {
        message.unwrap().setUserId("guest".getBytes(StandardCharsets.UTF_8));
        return message;
    }

    /** rabbitmqctl on the tests' own broker node. */
    static String rabbitmqctl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-n", TEST_BROKER_NODE));
        command.addAll(List.of(arguments));
        return run(command);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("loligo-run", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ": "
                        + Files.readString(errors).strip());
            }
            return out.strip();
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    private static Path cephConf(Path repository) {
        String env = System.getenv("LOLIGO_CEPH_CONF");
        return env != null ? Path.of(env) : repository.resolve(".dev/ceph-tests/ceph.conf");
    }
}
