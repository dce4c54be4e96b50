package io.loligo.metrics.rest;

import io.loligo.contracts.identity.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** metrics-service answers the gateway only: a query it did not sign is a 401, whoever sends it. */
@QuarkusTest
class ServiceCallersTest {
    private static final String QUERY = "/internal/v2/metrics/values?measurement=osd&field=utilization";

    @Test
    void a_query_the_gateway_did_not_sign_is_refused() {
        given().get(QUERY).then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("ServiceCredentialsRequired"));
        given().header(ServiceTokens.HEADER, ServiceTokens.sign("guessed".getBytes(), "GET", QUERY, null, Instant.now()))
                .get(QUERY).then().statusCode(401);

        byte[] secret = ServiceTokens.secret(ConfigProvider.getConfig().getValue("loligo.internal.secret", String.class));
        given().header(ServiceTokens.HEADER, ServiceTokens.sign(secret, "GET", QUERY, null, Instant.now()))
                .get(QUERY).then().statusCode(not(401));
        given().get("/q/health/live").then().statusCode(200);
    }
}
