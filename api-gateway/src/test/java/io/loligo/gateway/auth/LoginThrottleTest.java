package io.loligo.gateway.auth;

import io.loligo.gateway.auth.TestUsers.Account;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
    void guessing_is_slowed_then_locked_until_an_administrator_sets_a_new_password() throws Exception {
        Account victim = TestUsers.create("operator");
        for (int i = 0; i < 3; i++) {
            TestUsers.attemptLogin(victim.username(), "guess-" + i).then().statusCode(401);
        }
        // the next guess comes too soon: it is not even checked, so the right password fails as well
        TestUsers.attemptLogin(victim.username(), victim.password()).then().statusCode(429)
                .contentType("application/problem+json").body("reason", equalTo("LoginThrottled"))
                .header("Retry-After", notNullValue());

        Thread.sleep(1_100);
        TestUsers.attemptLogin(victim.username(), "guess-3").then().statusCode(401);
        TestUsers.attemptLogin(victim.username(), "guess-4").then().statusCode(429);
        Thread.sleep(2_100);
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
}
