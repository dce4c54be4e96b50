package io.loligo.agent.host;

import io.loligo.agent.config.AgentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The host's log files under the configured directories, as Calamari's Salt module listed and tailed them: plain
 * files only, not the rotated ones ({@code .gz}, {@code .1}). A path that leads outside them, by {@code ..} or a
 * link, is refused.
 */
@ApplicationScoped
public class LogFiles {
    private static final Pattern ROTATED = Pattern.compile(".*(\\.gz|\\.bz2|\\.zip|\\.xz|\\d)$");
    /** Far beyond any tail a page shows; a longer read is cut to it. */
    static final int MOST_BYTES = 4 << 20;

    private final Path directory;
    private final List<String> include;

    @Inject
    public LogFiles(AgentConfig config) {
        this(config.logs().directory(), config.logs().include());
    }

    LogFiles(Path directory, List<String> include) {
        this.directory = directory.toAbsolutePath().normalize();
        this.include = List.copyOf(include);
    }

    /** Every log file, relative to the directory, sorted. */
    public List<String> list() {
        List<String> files = new ArrayList<>();
        for (String subdirectory : include) {
            Path root = directory.resolve(subdirectory).normalize();
            if (!Files.isDirectory(root) || !inside(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(file -> !ROTATED.matcher(file.getFileName().toString()).matches())
                        .filter(this::inside).map(file -> directory.relativize(file).toString()).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * The last lines of a file.
     *
     * @throws NotALogFile for a path outside the listed files
     * @throws NoSuchFileException for a file that does not exist
     */
    public String tail(String relative, int lines) throws IOException {
        Path file = directory.resolve(relative).normalize();
        if (!inside(file) || include.stream().noneMatch(sub -> file.startsWith(directory.resolve(sub).normalize()))) {
            throw new NotALogFile("'" + relative + "' is not one of the log files this agent shows");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(relative);
        }
        try (RandomAccessFile reader = new RandomAccessFile(file.toFile(), "r")) {
            long length = reader.length();
            // the end of the file, read in growing pieces until it holds enough lines
            for (long piece = 64 * 1024; ; piece *= 4) {
                int size = (int) Math.min(length, Math.min(piece, MOST_BYTES));
                byte[] end = new byte[size];
                reader.seek(length - size);
                reader.readFully(end);
                int from = startOfLastLines(end, lines);
                if (from > 0 || size == length || size == MOST_BYTES) {
                    return new String(end, from, size - from, StandardCharsets.UTF_8);
                }
            }
        }
    }

    /** Where the last {@code lines} lines begin in {@code text}, or 0 when it holds no more than that many. */
    static int startOfLastLines(byte[] text, int lines) {
        int last = text.length > 0 && text[text.length - 1] == '\n' ? text.length - 1 : text.length;
        int found = 0;
        for (int i = last - 1; i >= 0; i--) {
            if (text[i] == '\n' && ++found == lines) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Within the directory once links are followed. */
    private boolean inside(Path path) {
        try {
            return path.toRealPath().startsWith(directory.toRealPath());
        } catch (IOException missing) {
            return path.normalize().startsWith(directory);
        }
    }

    /** A path that names no file of the listed directories. */
    public static final class NotALogFile extends RuntimeException {
        NotALogFile(String message) {
            super(message);
        }
    }
}
