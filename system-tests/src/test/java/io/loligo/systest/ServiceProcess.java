package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** One packaged Loligo service, run as its own JVM exactly as an operator would run it. */
final class ServiceProcess {
    /** The tests' services' ports, TEST_SERVICE_PORTS in dev/lib/common.sh. */
    private static final int FIRST_SERVICE_PORT = 40400;
    private static final int LAST_SERVICE_PORT = 40999;
    /** Each port once per run, whether or not its service still runs: a restarted one comes back on its own. */
    private static final Set<Integer> GIVEN_PORTS = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Path jar;
    private final Path jvmOptions;
    private final Map<String, String> properties;
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Path log;
    private final int port;
    private final int tlsPort;
    /** Whether {@link #servesTls} was called: its TLS port is then part of being ready. */
    private boolean servesTls;
    private String maxHeap = "256m";
    private Process process;

    ServiceProcess(String name, Path repository, Path logDir, Map<String, String> properties) throws IOException {
        this(name, name, repository, logDir, properties);
    }

    /** @param instance names this process and its log, for a module run more than once */
    ServiceProcess(String module, String instance, Path repository, Path logDir, Map<String, String> properties) throws IOException {
        this.name = instance;
        this.jar = repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.jvmOptions = repository.resolve("dev/jvm.options");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        this.properties = new LinkedHashMap<>(properties);
        this.log = logDir.resolve(name + ".log");
        // a run's assertions read its own log only; restarts within the run append to it
        Files.deleteIfExists(log);
        this.port = freePort();
        this.tlsPort = freePort();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ServiceProcess with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** A setting given in the environment, as Kubernetes gives a Secret's: other local users cannot read it. */
    ServiceProcess withSecret(String variable, String value) {
        secrets.put(variable, value);
        return this;
    }

    int tlsPort() {
        return tlsPort;
    }

    /** Its internal API over TLS, once {@link #servesTls} was called. */
    String tlsUrl() {
        return "https://127.0.0.1:" + tlsPort;
    }

    /**
     * Serves its API over TLS too, as the prod overlay has it (plain HTTP stays, for health checks and the broker's
     * login questions on loopback), under the TLS configuration named {@code internal}, which also trusts the CA.
     */
    ServiceProcess servesTls(InternalTls tls) {
        servesTls = true;
        properties.putAll(tls.trusting());
        properties.put("quarkus.tls.internal.key-store.pem.0.cert", tls.certificate().toString());
        properties.put("quarkus.tls.internal.key-store.pem.0.key", tls.key().toString());
        properties.put("quarkus.http.tls-configuration-name", "internal");
        properties.put("quarkus.http.ssl-port", String.valueOf(tlsPort));
        return this;
    }

    Path log() {
        return log;
    }

    /** For runs that hold far larger maps than the local cluster's. */
    ServiceProcess maxHeap(String size) {
        this.maxHeap = size;
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The process's resident memory, as the kernel counts it, in MiB. */
    long residentMib() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElseThrow();
    }

    /** @throws IllegalStateException while it still runs: a second process would lose track of the first */
    void start() throws IOException {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "@" + jvmOptions, "-Xmx" + maxHeap, "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // as dev/up passes it: in the environment, which other local users cannot read
        builder.environment().put("LOLIGO_INTERNAL_SECRET", LocalPlatform.INTERNAL_SECRET);
        builder.environment().putAll(secrets);
        process = builder.start();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /**
     * Ready, as its callers need it: its readiness check answers on the plain port, and, when it serves TLS too, that
     * port takes connections, which it opens a moment after the plain one.
     */
    boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            if (connection.getResponseCode() != 200) {
                return false;
            }
            if (servesTls) {
                try (Socket tls = new Socket()) {
                    tls.connect(new InetSocketAddress("127.0.0.1", tlsPort), 1000);
                }
            }
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A figure the service reports in the data of its readiness checks, such as metrics-service's points_stored. */
    long readinessFigure(String figure) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
        connection.setConnectTimeout(1000);
        connection.setReadTimeout(5000);
        // a service that is not ready answers 503 with the same body
        try (var body = connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            JsonNode ready = new ObjectMapper().readTree(body);
            for (JsonNode check : ready.path("checks")) {
                if (check.path("data").has(figure)) {
                    return check.path("data").path(figure).asLong();
                }
            }
            throw new IllegalStateException(name + " reports no " + figure + ": " + ready);
        }
    }

    /** SIGTERM, as an operator's stop would send. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A port of the tests' services' range that nothing listens on and no other process of this run was given: the
     * range dev/ reserves, so that no outgoing connection takes it as its source port before the service binds it,
     * as one did when ports came from the kernel's ephemeral range.
     */
    private static int freePort() throws IOException {
        int count = LAST_SERVICE_PORT - FIRST_SERVICE_PORT + 1;
        int start = ThreadLocalRandom.current().nextInt(count);
        for (int tried = 0; tried < count; tried++) {
            int port = FIRST_SERVICE_PORT + (start + tried) % count;
            if (!GIVEN_PORTS.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (BindException taken) {
                // something listens there: the next one
            }
        }
        throw new IOException("no free port left in " + FIRST_SERVICE_PORT + "-" + LAST_SERVICE_PORT);
    }
}
