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
        auditLog.start(old);
        auditLog.start(recent);

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

    /** A caller chooses how long a path is: the column's bound must cost neither the entry nor the answer. */
    @Test
    void a_path_longer_than_the_log_keeps_is_cut_and_the_call_answered() {
        Instant start = Instant.now();
        String query = "x=" + "a".repeat(3500);
        Session session = TestUsers.create("operator").login();
        session.request().body("{}").post("/api/v3/test-echo?" + query).then().statusCode(200);

        JsonPath log = TestUsers.admin().request().queryParam("since", start.toString()).queryParam("path", "/api/v3/test-echo?x=aaa")
                .get("/api/v3/audit").then().statusCode(200).extract().jsonPath();
        String path = log.getString("results[0].path");
        assertThat(path).hasSize(2000).startsWith("/api/v3/test-echo?x=aaa").endsWith("\u2026");
        assertThat(log.getString("results[0].outcome")).isEqualTo("succeeded");
    }

    /** No change runs without its entry: with the log refusing entries, the change is refused and not made. */
    @Test
    void a_change_the_log_cannot_record_is_not_made() throws Exception {
        Account operator = TestUsers.create("operator");
        Session session = operator.login();
        session.request().body("{\"email\":\"before@example.com\"}").patch("/api/v3/user/me").then().statusCode(200);
        psql("REVOKE INSERT ON audit_entry FROM loligo");
        try {
            session.request().body("{\"email\":\"after@example.com\"}").patch("/api/v3/user/me").then().statusCode(503)
                    .contentType("application/problem+json").body("reason", equalTo("AuditUnavailable"));
        } finally {
            psql("GRANT INSERT ON audit_entry TO loligo");
        }
        session.request().get("/api/v3/user/me").then().statusCode(200).body("email", equalTo("before@example.com"));
    }

    @Test
    void refusals_without_a_login_are_kept_as_samples_and_counted() {
        Instant start = Instant.now();
        // the sampler's window may have begun in an earlier test: more than a window's worth is sent
        int sent = AuditLog.ANONYMOUS_SAMPLES_PER_MINUTE * 3;
        for (int i = 0; i < sent; i++) {
            given().body("flood").post("/api/v3/test-echo?flood=" + i).then().statusCode(401);
        }
        auditLog.recordUnkept();
        JsonPath log = TestUsers.admin().request().queryParam("since", start.toString()).queryParam("page_size", 1000)
                .get("/api/v3/audit").then().statusCode(200).extract().jsonPath();
        long kept = log.getList("results.path", String.class).stream().filter(path -> path.startsWith("/api/v3/test-echo?flood=")).count();
        assertThat(kept).isLessThanOrEqualTo(AuditLog.ANONYMOUS_SAMPLES_PER_MINUTE * 2L).isPositive();
        String summary = log.getString("results.find { it.reason == 'NotKept' }.path");
        assertThat(summary).isNotNull();
        long counted = Long.parseLong(summary.replaceAll("^\\((\\d+) .*", "$1"));
        assertThat(kept + counted).isGreaterThanOrEqualTo(sent);
    }

    @Test
    void a_page_past_any_list_is_refused_not_failed() {
        TestUsers.admin().request().queryParam("page", Integer.MAX_VALUE).get("/api/v3/audit").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        TestUsers.admin().request().queryParam("page_size", "99999999999").get("/api/v3/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("page_size"));
    }

    private static void psql(String sql) throws Exception {
        Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "loligo_gateway_test", "-qc", sql)
                .inheritIO().start();
        assertThat(process.waitFor()).as(sql).isZero();
    }
}
