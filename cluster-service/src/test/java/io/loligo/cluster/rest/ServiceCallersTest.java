package io.loligo.cluster.rest;

import io.loligo.cluster.SignedCalls;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.identity.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cluster-service's API answers the gateway only: a local user, or a pod the network lets through, calling it
 * directly gets a 401, whatever user it claims and whichever signature it copied. Calls go through a client of
 * their own, without the tests' signing filter.
 */
@QuarkusTest
class ServiceCallersTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String pathAndQuery, String token, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + pathAndQuery))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"status\":\"accepted\"}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header(ServiceTokens.HEADER, token);
        }
        if (user != null) {
            request.header(OsdApi.REQUESTED_BY, user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_call_the_gateway_did_not_sign_is_refused() throws Exception {
        byte[] secret = SignedCalls.secret();
        Instant now = Instant.now();

        HttpResponse<String> unsigned = call("GET", "/internal/v2/key", null, null);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("ServiceCredentialsRequired");
        assertThat(call("PATCH", "/internal/v2/key/some-node", null, "admin").statusCode()).as("claiming a user").isEqualTo(401);
        assertThat(call("GET", "/internal/v2/key", ServiceTokens.sign("guessed".getBytes(StandardCharsets.UTF_8), "GET", "/internal/v2/key", null, now), null)
                .statusCode()).as("another secret").isEqualTo(401);
        String forAlice = ServiceTokens.sign(secret, "PATCH", "/internal/v2/key/some-node", "alice", now);
        assertThat(call("PATCH", "/internal/v2/key/some-node", forAlice, "admin").statusCode()).as("a token signed for another user").isEqualTo(401);
        assertThat(call("GET", "/internal/v2/cluster", ServiceTokens.sign(secret, "GET", "/internal/v2/key", null, now), null)
                .statusCode()).as("a token for another path").isEqualTo(401);
        assertThat(call("GET", "/internal/v2/key", ServiceTokens.sign(secret, "GET", "/internal/v2/key", null, now.minus(Duration.ofMinutes(5))), null)
                .statusCode()).as("a token five minutes old").isEqualTo(401);

        assertThat(call("GET", "/internal/v2/key", ServiceTokens.sign(secret, "GET", "/internal/v2/key", null, now), null).statusCode())
                .as("the gateway's own call").isEqualTo(200);
        assertThat(call("GET", "/q/health/ready", null, null).statusCode()).as("the health probes stay open").isEqualTo(200);
    }

    /** The broker's questions carry the services' secret in their paths: without it, every answer is no. */
    @Test
    void the_brokers_questions_need_the_services_secret() throws Exception {
        assertThat(askBroker("guessed")).isEqualTo("deny");
        assertThat(askBroker(new String(SignedCalls.secret(), StandardCharsets.UTF_8))).isEqualTo("allow");
    }

    private String askBroker(String secret) throws Exception {
        HttpRequest vhost = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/internal/broker/" + secret + "/vhost"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("vhost=/")).build();
        return http.send(vhost, HttpResponse.BodyHandlers.ofString()).body();
    }
}
