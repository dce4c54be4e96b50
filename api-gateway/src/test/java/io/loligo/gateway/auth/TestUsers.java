package io.loligo.gateway.auth;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Logins for the gateway's tests, through the API as a client makes them. */
public final class TestUsers {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestUsers() {
    }

    /** A logged-in browser: its session cookie and the XSRF token its unsafe requests echo. */
    public record Session(String cookie, String xsrf) {
        public RequestSpecification request() {
            return given().cookie(TokenAuthenticationMechanism.SESSION_COOKIE, cookie).header(XsrfFilter.HEADER, xsrf)
                    .contentType(ContentType.JSON);
        }
    }

    /** A user the tests created, with its password. */
    public record Account(long id, String username, String password) {
        public Session login() {
            return TestUsers.login(username, password);
        }
    }

    public static String adminPassword() {
        try {
            return Files.readString(Path.of("target/admin-password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response attemptLogin(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/v3/auth/login");
    }

    public static Session login(String username, String password) {
        Response login = attemptLogin(username, password);
        login.then().statusCode(200);
        return new Session(login.getCookie(TokenAuthenticationMechanism.SESSION_COOKIE), login.getCookie(AuthResource.XSRF_COOKIE));
    }

    public static Session admin() {
        return login("admin", adminPassword());
    }

    /** A new user with this role and a name no other test uses. */
    public static Account create(String role) {
        String username = role + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        String password = "pw-" + Secrets.password();
        long id = admin().request()
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}")
                .post("/api/v3/user").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Account(id, username, password);
    }
}
