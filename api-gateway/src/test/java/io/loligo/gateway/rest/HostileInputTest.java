package io.loligo.gateway.rest;

import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What no client should send, at the gateway's edge, where one rule each covers every endpoint: each is a 4xx
 * problem that names what is wrong, and changes nothing. (PlatformIT sends the same to every operation.)
 */
@QuarkusTest
class HostileInputTest {
    @Test
    void a_body_past_the_bound_is_refused_before_it_is_read() {
        TestUsers.Session session = TestUsers.create("operator").login();
        session.request().body("\"" + "a".repeat(9 << 20) + "\"").post("/api/v3/test-echo").then().statusCode(413)
                .contentType("application/problem+json").body("reason", equalTo("BodyTooLarge"));
    }

    @Test
    void json_nested_past_any_form_or_saying_a_key_twice_is_refused() {
        TestUsers.Session session = TestUsers.create("operator").login();
        String deep = "{\"email\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
        session.request().body(deep).patch("/api/v3/user/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("email"));
        session.request().body("{\"email\": \"a@example.com\", \"email\": \"b@example.com\"}").patch("/api/v3/user/me").then()
                .statusCode(400).body("errors[0].message", containsString("Duplicate field 'email'"));
    }

    /** A session's token rides in a cookie, with its XSRF token; as a bearer token it would skip the XSRF check. */
    @Test
    void a_session_token_is_no_bearer_token() {
        TestUsers.Session session = TestUsers.create("operator").login();
        given().auth().oauth2(session.cookie()).contentType(ContentType.JSON).body("{}").post("/api/v3/test-echo").then().statusCode(401);
        given().auth().oauth2(session.cookie()).get("/api/v3/user/me").then().statusCode(401);
    }
}
