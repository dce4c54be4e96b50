package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Where the tests' alert receivers lead: a webhook server of the test's own, keeping every notification it takes; the
 * tests' SMTP sink, a file per mail; the tests' Alertmanager, read through its v2 API.
 */
final class AlertSinks implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> hooked = new CopyOnWriteArrayList<>();
    /** When each of {@link #hooked} came, in the same order. */
    private final List<Instant> hookedAt = new CopyOnWriteArrayList<>();
    private final HttpServer hook;
    private final Path maildir;

    /** @param port the webhook's port; 0 for any free one */
    AlertSinks(int port, Path maildir) throws IOException {
        this.maildir = maildir;
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        hook.createContext("/hook", exchange -> {
            JsonNode payload = MAPPER.readTree(exchange.getRequestBody());
            synchronized (hooked) {
                hookedAt.add(Instant.now());
                hooked.add(payload);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        hook.start();
    }

    String hookUrl() {
        return "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
    }

    /** Every notification the webhook took, oldest first. */
    List<JsonNode> hooked() {
        return Collections.unmodifiableList(hooked);
    }

    /** Forgets what the webhook took so far. */
    void forget() {
        synchronized (hooked) {
            hooked.clear();
            hookedAt.clear();
        }
    }

    /** How many of the webhook's notifications told this occurrence of an alert as firing or resolved. */
    long told(String fingerprint, String since, String status) {
        return hooked.stream().filter(payload -> tells(payload, fingerprint, since, status)).count();
    }

    /** When the webhook was first told this of this occurrence of an alert. */
    Optional<Instant> firstTold(String fingerprint, String since, String status) {
        synchronized (hooked) {
            for (int i = 0; i < hooked.size(); i++) {
                if (tells(hooked.get(i), fingerprint, since, status)) {
                    return Optional.of(hookedAt.get(i));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean tells(JsonNode payload, String fingerprint, String since, String status) {
        return StreamSupport.stream(payload.path("alerts").spliterator(), false).anyMatch(alert -> alert.path("fingerprint").asText().equals(fingerprint)
                && Instant.parse(alert.path("startsAt").asText()).toString().equals(since) && alert.path("status").asText().equals(status));
    }

    /** The mails the tests' SMTP sink took, each as its text with quoted-printable's soft line breaks undone. */
    List<String> mails() throws IOException {
        if (!Files.isDirectory(maildir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(maildir)) {
            List<String> mails = new ArrayList<>();
            for (Path file : files.toList()) {
                mails.add(Files.readString(file, StandardCharsets.UTF_8).replaceAll("=\\r?\\n", "").replace("=3D", "="));
            }
            return mails;
        }
    }

    /** How many mails told this occurrence of an alert, their subject starting so. */
    long mailed(String fingerprint, String since, String subject) throws IOException {
        return mails().stream().filter(mail -> mail.contains("Subject: " + subject) && mail.contains("fingerprint " + fingerprint)
                && mail.contains("since " + since)).count();
    }

    /**
     * Whether the tests' Alertmanager holds an active alert of this fingerprint, through its v2 API. Alertmanager keeps
     * one alert per fingerprint and the start of its first post while it stays active, so the start is not compared.
     */
    static boolean alertmanagerHolds(String fingerprint) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(LocalPlatform.ALERTMANAGER_URL + "/api/v2/alerts?active=true")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Alertmanager answered " + answer.statusCode() + ": " + answer.body());
        }
        for (JsonNode alert : MAPPER.readTree(answer.body())) {
            if (alert.path("fingerprint").asText().equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The alert of this name in a page of {@code GET /alert}, and with this label's value when one is given.
     *
     * @param label null for any
     */
    static Optional<JsonNode> named(String page, String name, String label, String value) throws IOException {
        for (JsonNode alert : MAPPER.readTree(page).path("results")) {
            if (alert.path("name").asText().equals(name) && (label == null || alert.path("labels").path(label).asText().equals(value))) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        hook.stop(0);
    }
}
