package io.loligo.cluster.leader;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The lone instance of a test leads: another session cannot take the lock, and the leader has said where it answers. */
@QuarkusTest
class LeadershipTest {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Leadership leadership;

    @Test
    void theInstanceHoldsTheLockAndSaysWhereItAnswers() throws Exception {
        assertThat(leadership.isLeader()).isTrue();
        try (Connection other = dataSource.getConnection();
             PreparedStatement tryLock = other.prepareStatement("select pg_try_advisory_lock(?)")) {
            tryLock.setLong(1, Leadership.LOCK_KEY);
            try (ResultSet result = tryLock.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getBoolean(1)).as("a second session takes the lock").isFalse();
            }
        }
        assertThat(leadership.leaderUrl()).hasValueSatisfying(url -> assertThat(url.getScheme()).isEqualTo("http"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'leadership' }.data.role", equalTo("leader"));
    }
}
