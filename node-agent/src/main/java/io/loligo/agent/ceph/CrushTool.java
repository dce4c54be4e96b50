package io.loligo.agent.ceph;

import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles CRUSH map text with Ceph's {@code crushtool}. Ceph takes a new CRUSH map only compiled, and its
 * binary form changes between releases, so the compiler that ships with the cluster's own packages writes it.
 */
@ApplicationScoped
public class CrushTool {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String crushtool;

    @Inject
    public CrushTool(AgentConfig config) {
        this(config.crushtool());
    }

    CrushTool(String crushtool) {
        this.crushtool = crushtool;
    }

    /** @throws InvalidCrushMapException with crushtool's message when the text does not compile */
    public byte[] compile(String text) {
        Path work = null;
        try {
            work = Files.createTempDirectory("loligo-crush");
            Path source = Files.writeString(work.resolve("crush.txt"), text, StandardCharsets.UTF_8);
            Path compiled = work.resolve("crush.bin");
            HostProcess.Result compiler = HostProcess.run(List.of(crushtool, "-c", source.toString(), "-o", compiled.toString()), TIMEOUT);
            if (!compiler.succeeded()) {
                // crushtool names the file it read; its author knows it as the text, by line
                String said = (compiler.output() + "\n" + compiler.messages()).strip();
                throw new InvalidCrushMapException(said.replace(source + ":", "line "));
            }
            return Files.readAllBytes(compiled);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + crushtool + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** A tool's temporary directory removed with what it holds; one left behind costs nothing the OS does not clear. */
    static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind costs nothing the OS does not clear
        }
    }

    /** The text is not a CRUSH map crushtool can compile; the message is crushtool's. */
    public static final class InvalidCrushMapException extends RuntimeException {
        public InvalidCrushMapException(String message) {
            super(message);
        }
    }
}
