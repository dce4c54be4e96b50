package io.loligo.gateway.audit;

import io.loligo.gateway.auth.TestUsers.Account;
import io.loligo.gateway.auth.TestUsers.Session;
import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The audit log against the real database: every kind of mutation and outcome, and the administrators' query. */
@QuarkusTest
class AuditLogTest {
    @Inject
    AuditLog auditLog;

    @Test
    void mutations_are_recorded_with_who_what_where_and_how_they_ended() {
        Instant start = Instant.now();
        Account operator = TestUsers.create("operator");
        Session session = operator.login();
        session.request().body("{\"email\":\"op@example.com\"}").patch("/api/v3/user/me").then().statusCode(200);
        session.request().body("{\"role\":\"administrator\"}").patch("/api/v3/user/me").then().statusCode(403);
        given().body("anonymous").post("/api/v3/test-echo").then().statusCode(401);
        TestUsers.attemptLogin(operator.username(), "not-the-password").then().statusCode(401);

        JsonPath log = TestUsers.admin().request().queryParam("since", start.toString()).queryParam("page_size", 1000)
                .get("/api/v3/audit").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("results.path", String.class)).contains("/api/v3/user", "/api/v3/user/me",
                "/api/v3/test-echo", "/api/v3/auth/login");

        var changed = log.getMap("results.find { it.path == '/api/v3/user/me' && it.status == 200 }");
        assertThat(changed).containsEntry("user", operator.username()).containsEntry("method", "PATCH")
                .containsEntry("outcome", "succeeded").containsEntry("source", "127.0.0.1")
                .containsEntry("body", "{\"email\":\"op@example.com\"}");
        var refused = log.getMap("results.find { it.path == '/api/v3/user/me' && it.status == 403 }");
        assertThat(refused).containsEntry("outcome", "refused").containsEntry("reason", "RoleNotAllowed");
        var anonymous = log.getMap("results.find { it.path == '/api/v3/test-echo' }");
        // refused before the endpoint read it, the body was never taken in
        assertThat(anonymous).containsEntry("user", null).containsEntry("reason", "NotAuthenticated")
                .containsEntry("body", null);
        var created = log.getMap("results.find { it.path == '/api/v3/user' && it.status == 201 }");
        assertThat((String) created.get("body")).contains(operator.username()).contains("\"password\":\"***\"")
                .doesNotContain(operator.password());
        assertThat(log.getList("results.body", String.class)).noneMatch(body -> body != null && body.contains("not-the-password"));
    }

    @Test
    void entries_older_than_the_retention_are_deleted() {
        AuditEntryEntity old = entry(Instant.now().minus(Duration.ofDays(401)), "/api/v3/too-old");
        AuditEntryEntity recent = entry(Instant.now().minus(Duration.ofDays(399)), "/api/v3/recent-enough");
        auditLog.record(old);
        auditLog.record(recent);

        auditLog.purgeExpired();
        JsonPath log = TestUsers.admin().request().queryParam("until", Instant.now().minus(Duration.ofDays(300)).toString())
                .get("/api/v3/audit").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("results.path", String.class)).contains("/api/v3/recent-enough").doesNotContain("/api/v3/too-old");
    }

    private static AuditEntryEntity entry(Instant at, String path) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.at = at;
        entry.source = "127.0.0.1";
        entry.method = "POST";
        entry.path = path;
        entry.status = 200;
        entry.outcome = "succeeded";
        return entry;
    }

    @Test
    void administrators_filter_and_page_it_and_no_one_else_reads_it() {
        Account reader = TestUsers.create("read-only");
        Session session = reader.login();
        session.request().body("{\"email\":\"r1@example.com\"}").patch("/api/v3/user/me").then().statusCode(200);
        session.request().body("{\"email\":\"r2@example.com\"}").patch("/api/v3/user/me").then().statusCode(200);
        session.request().get("/api/v3/audit").then().statusCode(403);

        Session admin = TestUsers.admin();
        admin.request().queryParam("user", reader.username()).queryParam("page_size", 1).get("/api/v3/audit").then()
                .statusCode(200).body("count", equalTo(2)).body("results[0].body", equalTo("{\"email\":\"r2@example.com\"}"))
                .body("next", equalTo("?user=" + reader.username() + "&page=2&page_size=1"));
        admin.request().queryParam("user", reader.username()).queryParam("method", "patch")
                .queryParam("path", "/api/v3/user/").queryParam("outcome", "succeeded").get("/api/v3/audit").then()
                .body("count", equalTo(2));
        admin.request().queryParam("since", "yesterday").queryParam("outcome", "maybe").queryParam("page", 0)
                .get("/api/v3/audit").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("since", "outcome", "page"));
    }
}
