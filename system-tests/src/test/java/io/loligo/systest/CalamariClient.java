package io.loligo.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A client of one of Calamari's API versions, as Calamari's own were: a browser session with Django's cookies, which
 * logs in the way {@code tests/http_client.py} did (GET {@code auth/login/} for the XSRF cookie, POST the credentials
 * with the cookie's value in {@code X-XSRF-TOKEN} and a {@code next}, then take the rotated cookie), and sends the
 * XSRF header on every later call. Each call that succeeds as the Calamari route it reaches succeeded is counted for
 * the contract.
 */
final class CalamariClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String version;
    private final String apiUrl;
    private final CalamariContract contract;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** One answer: its status, its content type and its body, parsed when it is JSON. */
    record Answer(int status, String contentType, String text, JsonNode json, HttpResponse<String> response) {
        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    CalamariClient(String gatewayUrl, String version, CalamariContract contract) {
        this.version = version;
        this.apiUrl = gatewayUrl + "/api/" + version + "/";
        this.contract = contract;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    String apiUrl() {
        return apiUrl;
    }

    /** http_client.py's login, step by step. */
    void login(String username, String password) throws IOException, InterruptedException {
        Answer form = get("auth/login/");
        require(form.status() == 200, "GET auth/login/ answered " + form.status());
        require(xsrfCookie().isPresent(), "GET auth/login/ set no XSRF-TOKEN cookie");
        Answer login = json("POST", "auth/login/", Map.of("next", "/", "username", username, "password", password));
        require(login.status() == 200, "POST auth/login/ answered " + login.status() + ": " + login.text());
        Answer clusters = get("cluster");
        require(clusters.status() == 200, "GET cluster after logging in answered " + clusters.status());
    }

    Optional<String> xsrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst();
    }

    /** Forgets the session, as a browser whose cookies were cleared. */
    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, null);
    }

    /** A JSON body, as http_client.py sent every body. */
    Answer json(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, JSON.writeValueAsString(body), "application/json; charset=UTF-8");
    }

    Answer form(String method, String path, String urlEncoded) throws IOException, InterruptedException {
        return send(method, path, urlEncoded, "application/x-www-form-urlencoded");
    }

    Answer text(String method, String path, String text) throws IOException, InterruptedException {
        return send(method, path, text, "text/plain");
    }

    Answer send(String method, String path, String body, String contentType) throws IOException, InterruptedException {
        return send(method, path, body, contentType, true);
    }

    /** @param withXsrf whether to echo the XSRF cookie, as Calamari's clients did after logging in */
    Answer send(String method, String path, String body, String contentType, boolean withXsrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Referer", apiUrl)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (withXsrf) {
            xsrfCookie().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String relative = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        contract.route(version, method, relative).filter(route -> response.statusCode() == route.status()).ifPresent(contract::called);
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode parsed = MissingNode.getInstance();
        if (!response.body().isEmpty() && type.startsWith("application/json")) {
            parsed = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), type, response.body(), parsed, response);
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }
}
