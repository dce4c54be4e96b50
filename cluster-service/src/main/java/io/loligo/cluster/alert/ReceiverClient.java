package io.loligo.cluster.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Posts JSON to receivers and mails mailboxes, and says whether each took it. */
@ApplicationScoped
public class ReceiverClient {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    ObjectMapper mapper;
    @Inject
    AlertConfig config;
    @Inject
    Mailer mailer;

    /**
     * @param mailbox a {@code mailto:} URL
     * @return empty when the SMTP server took it; else what went wrong
     */
    public Optional<String> mail(String mailbox, Payloads.Mail mail) {
        try {
            mailer.send(Mail.withText(mailbox.substring("mailto:".length()), mail.subject(), mail.text()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("not sent: " + e.getMessage());
        }
    }

    /** @return empty when the receiver took it (a 2xx); else what went wrong, to record and show */
    public Optional<String> post(String url, JsonNode payload) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.receiverTimeout())
                    .header("Content-Type", "application/json").header("User-Agent", "Loligo")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(payload))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Optional.empty();
            }
            String body = response.body() == null ? "" : response.body().strip();
            return Optional.of("HTTP " + response.statusCode() + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), 300))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of Loligo's own is JSON", e);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("not reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Where an Alertmanager takes alerts, from its base URL. */
    public static String alertmanagerAlerts(String baseUrl) {
        return baseUrl.replaceAll("/+$", "") + "/api/v2/alerts";
    }
}
