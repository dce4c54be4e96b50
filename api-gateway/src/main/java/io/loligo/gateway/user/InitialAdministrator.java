package io.loligo.gateway.user;

import io.loligo.gateway.auth.Secrets;
import io.loligo.gateway.config.GatewayConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates the first administrator at first start: with the password a Secret gives
 * ({@code loligo.gateway.initial-admin-password}), or else a generated one, which goes to a file readable by its
 * owner only ({@code initial-admin-password-file}), or to the log only where neither is set (a developer's machine).
 * A fresh installation has no constant password for anyone to guess.
 */
@ApplicationScoped
public class InitialAdministrator {
    static final String USERNAME = "admin";

    @Inject
    GatewayConfig config;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (UserEntity.count() > 0) {
            return;
        }
        Optional<String> given = config.initialAdminPassword().filter(secret -> !secret.isBlank());
        String password = given.orElseGet(Secrets::password);
        UserEntity admin = new UserEntity();
        admin.username = USERNAME;
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.role = Role.ADMINISTRATOR;
        admin.createdAt = Instant.now();
        admin.persist();
        if (given.isPresent()) {
            Log.infof("created the administrator '%s' with the password of loligo.gateway.initial-admin-password", USERNAME);
            return;
        }
        config.initialAdminPasswordFile().ifPresentOrElse(
                file -> {
                    write(file, password);
                    Log.infof("created the administrator '%s'; the password is in %s", USERNAME, file);
                },
                () -> Log.infof("created the administrator '%s' with password %s (change it after the first login)",
                        USERNAME, password));
    }

    private static void write(Path file, String password) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the administrator's password to " + file, e);
        }
    }
}
