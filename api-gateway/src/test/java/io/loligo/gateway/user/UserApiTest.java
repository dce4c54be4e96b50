package io.loligo.gateway.user;

import io.loligo.gateway.auth.TestUsers.Account;
import io.loligo.gateway.auth.TestUsers.Session;
import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Users, roles and API tokens through /api/v3/user, against the real database. */
@QuarkusTest
class UserApiTest {

    @Test
    void an_administrator_creates_users_in_calamaris_shape_and_lists_them() {
        Account operator = TestUsers.create("operator");
        TestUsers.admin().request().get("/api/v3/user").then().statusCode(200)
                .body("username", hasItem(operator.username()))
                .body("find { it.username == '" + operator.username() + "' }.role", equalTo("operator"))
                .body("find { it.username == '" + operator.username() + "' }.email", equalTo(""))
                .body("password", not(hasItem(notNullValue())));
        operator.login().request().get("/api/v3/user/me").then().statusCode(200)
                .body("id", equalTo((int) operator.id())).body("role", equalTo("operator"));
    }

    @Test
    void bad_users_are_refused_field_by_field() {
        TestUsers.admin().request().body("{\"username\":\"has space\",\"password\":\"short\",\"email\":\"nope\",\"role\":\"root\"}")
                .post("/api/v3/user").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("username", "password", "email", "role"));
        TestUsers.admin().request().body("{\"username\":\"admin\",\"password\":\"long-enough-password\"}")
                .post("/api/v3/user").then().statusCode(400).body("errors[0].field", equalTo("username"))
                .body("errors[0].message", equalTo("is taken"));
        TestUsers.admin().request().body("[1,").post("/api/v3/user").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        TestUsers.admin().request().body("{\"username\":[]}").post("/api/v3/user").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("username"));
    }

    @Test
    void others_reach_only_their_own_account() {
        Account reader = TestUsers.create("read-only");
        Account other = TestUsers.create("read-only");
        Session session = reader.login();
        session.request().get("/api/v3/user").then().statusCode(403).body("reason", equalTo("RoleNotAllowed"));
        session.request().get("/api/v3/user/" + other.id()).then().statusCode(403).body("reason", equalTo("NotYourAccount"));
        // whether an id exists is not given away either
        session.request().get("/api/v3/user/999999").then().statusCode(403);
        session.request().body("{\"role\":\"administrator\"}").patch("/api/v3/user/me").then().statusCode(403)
                .body("reason", equalTo("RoleNotAllowed"));
        session.request().get("/api/v3/user/abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void an_administrator_lists_a_users_tokens_and_hears_of_a_user_that_does_not_exist() {
        Account operator = TestUsers.create("operator");
        Session admin = TestUsers.admin();
        admin.request().get("/api/v3/user/" + operator.id() + "/token").then().statusCode(200).body("size()", equalTo(0));
        operator.login().request().body("{\"name\":\"nightly\"}").post("/api/v3/user/me/token").then().statusCode(201);
        admin.request().get("/api/v3/user/" + operator.id() + "/token").then().statusCode(200).body("name", contains("nightly"));
        admin.request().get("/api/v3/user/999999/token").then().statusCode(404).body("reason", equalTo("UserNotFound"));
    }

    @Test
    void changing_your_password_needs_the_old_one_and_ends_your_other_sessions() {
        Account user = TestUsers.create("operator");
        Session kept = user.login();
        Session other = user.login();
        kept.request().body("{\"password\":\"a-new-password-1\"}").patch("/api/v3/user/me").then().statusCode(400)
                .body("errors[0].field", equalTo("old_password"));
        kept.request().body("{\"password\":\"a-new-password-1\",\"old_password\":\"guess-guess-guess\"}")
                .patch("/api/v3/user/me").then().statusCode(400).body("errors[0].message", equalTo("is wrong"));
        kept.request().body("{\"password\":\"a-new-password-1\",\"old_password\":\"" + user.password() + "\"}")
                .put("/api/v3/user/me").then().statusCode(200);

        kept.request().get("/api/v3/user/me").then().statusCode(200);
        other.request().get("/api/v3/user/me").then().statusCode(401);
        TestUsers.attemptLogin(user.username(), user.password()).then().statusCode(401);
        TestUsers.login(user.username(), "a-new-password-1");
    }

    /** Whoever knew the old password may have made a token: a new password revokes them, unless told not to. */
    @Test
    void a_new_password_revokes_the_users_api_tokens_unless_asked_to_keep_them() {
        Account user = TestUsers.create("operator");
        Session session = user.login();
        String first = session.request().body("{\"name\":\"first\"}").post("/api/v3/user/me/token").then().statusCode(201)
                .extract().path("token");
        session.request().body("{\"password\":\"a-new-password-1\",\"old_password\":\"" + user.password() + "\"}")
                .patch("/api/v3/user/me").then().statusCode(200);
        given().auth().oauth2(first).get("/api/v3/user/me").then().statusCode(401);

        String second = session.request().body("{\"name\":\"second\"}").post("/api/v3/user/me/token").then().statusCode(201)
                .extract().path("token");
        session.request().body("{\"password\":\"a-new-password-2\",\"old_password\":\"a-new-password-1\",\"revoke_tokens\":false}")
                .patch("/api/v3/user/me").then().statusCode(200);
        given().auth().oauth2(second).get("/api/v3/user/me").then().statusCode(200);
        // set by an administrator too
        TestUsers.admin().request().body("{\"password\":\"a-new-password-3\"}").patch("/api/v3/user/" + user.id()).then().statusCode(200);
        given().auth().oauth2(second).get("/api/v3/user/me").then().statusCode(401);
    }

    @Test
    void roles_are_assigned_by_administrators_and_the_last_administrator_stays() {
        Account user = TestUsers.create("read-only");
        Session admin = TestUsers.admin();
        admin.request().body("{\"role\":\"operator\"}").patch("/api/v3/user/" + user.id()).then().statusCode(200)
                .body("role", equalTo("operator"));
        user.login().request().get("/api/v3/user/me").then().body("role", equalTo("operator"));

        long adminId = admin.request().get("/api/v3/user/me").then().extract().jsonPath().getLong("id");
        Account second = TestUsers.create("administrator");
        admin.request().delete("/api/v3/user/" + second.id()).then().statusCode(204);
        admin.request().body("{\"role\":\"read-only\"}").patch("/api/v3/user/" + adminId).then().statusCode(409)
                .body("reason", equalTo("LastAdministrator"));
        admin.request().delete("/api/v3/user/me").then().statusCode(409);
        admin.request().delete("/api/v3/user/999999").then().statusCode(404).body("reason", equalTo("UserNotFound"));
    }

    @Test
    void api_tokens_authenticate_scripts_until_revoked() {
        Account user = TestUsers.create("operator");
        Session session = user.login();
        session.request().body("{}").post("/api/v3/user/me/token").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        session.request().body("{\"name\":\"x\",\"expires_in_days\":0}").post("/api/v3/user/me/token").then()
                .statusCode(400).body("errors[0].field", equalTo("expires_in_days"));
        var created = session.request().body("{\"name\":\"backup script\",\"expires_in_days\":30}")
                .post("/api/v3/user/me/token").then().statusCode(201)
                .body("token", startsWith("lgo_")).body("expires_at", notNullValue()).extract().jsonPath();
        String token = created.getString("token");
        long tokenId = created.getLong("id");

        // a bearer token needs no XSRF token: no browser sends it on its own
        given().auth().oauth2(token).get("/api/v3/user/me").then().statusCode(200).body("username", equalTo(user.username()));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":\"ops@example.com\"}")
                .patch("/api/v3/user/me").then().statusCode(200).body("email", equalTo("ops@example.com"));
        session.request().get("/api/v3/user/me/token").then().statusCode(200)
                .body("name", hasItem("backup script")).body("token", not(hasItem(notNullValue())))
                .body("[0].hint", equalTo(token.substring(0, 10))).body("[0].last_used_at", notNullValue());

        session.request().delete("/api/v3/user/me/token/" + tokenId).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v3/user/me").then().statusCode(401)
                .contentType("application/problem+json").body("reason", equalTo("CredentialsRejected"));
        session.request().delete("/api/v3/user/me/token/" + tokenId).then().statusCode(404);
        given().auth().oauth2("lgo_forged").get("/api/v3/cluster").then().statusCode(401);
    }

    @Test
    void a_users_tokens_end_with_the_user() {
        Account user = TestUsers.create("read-only");
        String token = user.login().request().body("{\"name\":\"t\"}").post("/api/v3/user/me/token").then()
                .statusCode(201).body("expires_at", notNullValue()).extract().jsonPath().getString("token");
        TestUsers.admin().request().delete("/api/v3/user/" + user.id()).then().statusCode(204);
        given().auth().oauth2(token).get("/api/v3/user/me").then().statusCode(401);
        TestUsers.admin().request().get("/api/v3/user").then().body("username", not(hasItem(user.username())));
        TestUsers.admin().request().get("/api/v3/user/" + user.id()).then().statusCode(404).body("password", nullValue());
    }
}
