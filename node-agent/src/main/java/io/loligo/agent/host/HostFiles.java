package io.loligo.agent.host;

import io.loligo.agent.config.AgentConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host's own files, under {@code loligo.agent.host-root}: in a container, the host's and not the image's. */
@ApplicationScoped
public class HostFiles {
    private final Path root;

    @Inject
    public HostFiles(AgentConfig config) {
        this.root = config.hostRoot();
    }

    /** @param relative a path from the host's root, such as {@code proc/stat} */
    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** A file's text, or empty when it cannot be read (logged at debug: a missing file is normal on some hosts). */
    public String read(String relative) {
        Path file = path(relative);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            Log.debugf("cannot read %s: %s", file, e.getMessage());
            return "";
        }
    }
}
