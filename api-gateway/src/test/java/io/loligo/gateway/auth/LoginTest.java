package io.loligo.gateway.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Calamari's login flow against the real database. */
@QuarkusTest
class LoginTest {

    @Test
    void the_first_administrator_gets_a_generated_password_written_only_for_the_operator() throws Exception {
        Path file = Path.of("target/admin-password");
        assertThat(TestUsers.adminPassword()).hasSize(20).doesNotContain("admin");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void info_health_and_the_ui_are_open_to_anyone() {
        given().get("/api/v3/info").then().statusCode(200).body("version", notNullValue())
                .body("fqdn", equalTo(io.loligo.contracts.host.LocalHost.fqdn()));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/").then().statusCode(200).contentType(ContentType.HTML);
    }

    @Test
    void cross_origin_requests_get_no_cors_grant_and_unknown_paths_are_problems() {
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "POST")
                .options("/api/v3/auth/login").then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example.com").get("/api/v3/info").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/api/v3/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_api_refuses_anonymous_callers_with_a_problem() {
        given().get("/api/v3/cluster").then().statusCode(401).contentType("application/problem+json")
                .body("reason", equalTo("NotAuthenticated"));
        given().get("/api/v3/server/some.host").then().statusCode(401);
        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, "forged").get("/api/v3/cluster").then()
                .statusCode(401).body("reason", equalTo("CredentialsRejected"));
    }

    @Test
    void missing_credentials_are_named_and_wrong_ones_refused() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v3/auth/login").then()
                .statusCode(400).contentType("application/problem+json")
                .body("reason", equalTo("InvalidInput"))
                .body("errors.field", containsInAnyOrder("username", "password"));
        given().contentType(ContentType.JSON).body("{\"username\": ").post("/api/v3/auth/login").then()
                .statusCode(400).contentType("application/problem+json");
        TestUsers.attemptLogin("admin", "wrong-password").then().statusCode(401).body("reason", equalTo("BadCredentials"));
        TestUsers.attemptLogin("nobody", "wrong-password").then().statusCode(401).body("reason", equalTo("BadCredentials"));
    }

    @Test
    void a_session_opens_the_api_and_logout_closes_it() throws Exception {
        given().get("/api/v3/auth/login").then().statusCode(200).cookie(AuthResource.XSRF_COOKIE, notNullValue());
        Response login = TestUsers.attemptLogin("admin", TestUsers.adminPassword());
        login.then().statusCode(200).body("username", equalTo("admin")).body("role", equalTo("administrator"));
        String session = login.getCookie(TokenAuthenticationMechanism.SESSION_COOKIE);
        assertThat(login.getDetailedCookie(TokenAuthenticationMechanism.SESSION_COOKIE).isHttpOnly()).isTrue();

        // logged in, the gateway forwards to cluster-service, which is not running in this test
        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).get("/api/v3/cluster").then()
                .statusCode(503).contentType("application/problem+json").body("reason", equalTo("BackendUnavailable"));

        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).post("/api/v3/auth/logout").then().statusCode(200);
        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).get("/api/v3/cluster").then().statusCode(401);
    }

    @Test
    void unsafe_requests_with_a_session_must_echo_its_xsrf_token() throws Exception {
        Response login = TestUsers.attemptLogin("admin", TestUsers.adminPassword());
        String session = login.getCookie(TokenAuthenticationMechanism.SESSION_COOKIE);
        String xsrf = login.getCookie(AuthResource.XSRF_COOKIE);

        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).body("hello").post("/api/v3/test-echo")
                .then().statusCode(403).contentType("application/problem+json").body("reason", equalTo("XsrfTokenMismatch"));
        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).header(XsrfFilter.HEADER, "guess")
                .body("hello").post("/api/v3/test-echo").then().statusCode(403);
        given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, session).header(XsrfFilter.HEADER, xsrf)
                .body("hello").post("/api/v3/test-echo").then().statusCode(200).body(equalTo("hello"));
        given().body("hello").post("/api/v3/test-echo").then().statusCode(401);
    }
}
