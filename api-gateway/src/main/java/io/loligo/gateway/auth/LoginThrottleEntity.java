package io.loligo.gateway.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "login_throttle")
public class LoginThrottleEntity extends PanacheEntityBase {
    @Id
    public String username;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure_at", nullable = false)
    public Instant lastFailureAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    ThrottlePolicy.Failures asFailures() {
        return new ThrottlePolicy.Failures(failures, lastFailureAt, lockedUntil);
    }

    void record(ThrottlePolicy.Failures state) {
        failures = state.count();
        lastFailureAt = state.lastFailureAt();
        lockedUntil = state.lockedUntil();
    }
}
