package io.loligo.gateway.auth;

import io.loligo.gateway.auth.TestUsers.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Guessing a password, against the real database, with the test profile's lock after 5 failures (3 free, then a
 * wait of 1 s and of 2 s).
 */
@QuarkusTest
class LoginThrottleTest {

    @Test
    void guessing_is_slowed_then_locked_until_an_administrator_sets_a_new_password() {
        Account victim = TestUsers.create("operator");
        for (int i = 0; i < 3; i++) {
            TestUsers.attemptLogin(victim.username(), "guess-" + i).then().statusCode(401);
        }
        // the next guess comes too soon: it is not even checked, so the right password fails as well
        TestUsers.attemptLogin(victim.username(), victim.password()).then().statusCode(429)
                .contentType("application/problem+json").body("reason", equalTo("LoginThrottled"))
                .header("Retry-After", notNullValue());

        // the waits pass on the throttle's clock, not the test's: 1 s after the third failure, 2 s after the fourth
        MovableClock.advance(Duration.ofMillis(1_100));
        TestUsers.attemptLogin(victim.username(), "guess-3").then().statusCode(401);
        TestUsers.attemptLogin(victim.username(), "guess-4").then().statusCode(429);
        MovableClock.advance(Duration.ofMillis(2_100));
        TestUsers.attemptLogin(victim.username(), "guess-4").then().statusCode(401);

        var locked = TestUsers.attemptLogin(victim.username(), victim.password());
        locked.then().statusCode(429).body("reason", equalTo("AccountLocked"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isGreaterThan(60);

        TestUsers.admin().request().body("{\"password\":\"a-fresh-password\"}").patch("/api/v3/user/" + victim.id())
                .then().statusCode(200);
        TestUsers.login(victim.username(), "a-fresh-password");
    }

    @Test
    void unknown_names_are_throttled_alike_so_that_they_do_not_stand_out() {
        String nobody = "nobody-" + ProcessHandle.current().pid();
        for (int i = 0; i < 3; i++) {
            TestUsers.attemptLogin(nobody, "guess-" + i).then().statusCode(401).body("reason", equalTo("BadCredentials"));
        }
        TestUsers.attemptLogin(nobody, "guess").then().statusCode(429).body("reason", equalTo("LoginThrottled"));
    }

    /**
     * Many names tried from one address: that address waits once it has failed more than the free failures (60 in
     * the test profile), whatever names it tries, while another address logs in as usual. The spray comes from an
     * address of its own on the loopback network.
     */
    @Test
    void spraying_names_from_one_address_slows_that_address_only() throws Exception {
        String sprayer = "127.0.0.7";
        int refusedUnchecked = 0;
        for (int i = 0; i < 70; i++) {
            String answer = loginFrom(sprayer, "sprayed-" + ProcessHandle.current().pid() + "-" + i, "guess");
            if (answer.startsWith("HTTP/1.1 429") && answer.contains("SourceThrottled")) {
                refusedUnchecked++;
            }
        }
        assertThat(refusedUnchecked).as("guesses refused unchecked, past the address's free failures").isGreaterThanOrEqualTo(9);
        TestUsers.admin();
    }

    /** No name a user could have is longer, or holds a control character: such a login is a 400 naming the field. */
    @Test
    void a_name_no_user_can_have_is_refused_before_it_is_looked_up() {
        for (String name : new String[]{"a".repeat(151), "evil\nINFO forged log line", "nul\u0000", "tab\tname"}) {
            TestUsers.attemptLogin(name, "whatever").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("username"));
        }
    }

    /** A stolen session must not guess its user's password faster than a login could. */
    @Test
    void a_wrong_old_password_is_throttled_like_a_login() {
        Account victim = TestUsers.create("operator");
        TestUsers.Session stolen = victim.login();
        for (int i = 0; i < 3; i++) {
            stolen.request().body("{\"password\": \"a-new-password-1\", \"old_password\": \"guess-" + i + "\"}")
                    .patch("/api/v3/user/me").then().statusCode(400).body("errors[0].field", equalTo("old_password"));
        }
        stolen.request().body("{\"password\": \"a-new-password-1\", \"old_password\": \"" + victim.password() + "\"}")
                .patch("/api/v3/user/me").then().statusCode(429).body("reason", equalTo("LoginThrottled"));
    }

    /** A login as a client on {@code source} sends it: the status line and the body. */
    private static String loginFrom(String source, String username, String password) throws Exception {
        byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(source), 0)) {
            socket.getOutputStream().write(("POST /api/v3/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
