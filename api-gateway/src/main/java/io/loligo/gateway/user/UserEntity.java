package io.loligo.gateway.user;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntity {
    @Column(nullable = false, unique = true)
    public String username;

    /** bcrypt, modular crypt format */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public String email = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static long administrators() {
        return count("role", Role.ADMINISTRATOR);
    }

    public static Optional<UserEntity> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
