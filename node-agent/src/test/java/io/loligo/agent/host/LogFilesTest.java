package io.loligo.agent.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogFilesTest {

    @Test
    void onlyThePlainFilesOfTheIncludedDirectoriesAreListed(@TempDir Path logs, @TempDir Path elsewhere) throws IOException {
        Files.createDirectories(logs.resolve("ceph/rgw"));
        Files.writeString(logs.resolve("ceph/ceph.log"), "x\n");
        Files.writeString(logs.resolve("ceph/rgw/ceph-client.rgw.log"), "x\n");
        Files.writeString(logs.resolve("ceph/ceph.log.1"), "old\n");
        Files.writeString(logs.resolve("ceph/ceph.log.2.gz"), "old\n");
        Files.writeString(logs.resolve("auth.log"), "secret\n");
        Files.writeString(elsewhere.resolve("passwd"), "secret\n");
        Files.createSymbolicLink(logs.resolve("ceph/escape.log"), elsewhere.resolve("passwd"));

        assertThat(new LogFiles(logs, List.of("ceph")).list()).containsExactly("ceph/ceph.log", "ceph/rgw/ceph-client.rgw.log");
    }

    @Test
    void aTailIsTheLastLinesOfEvenAFileLargerThanOnePiece(@TempDir Path logs) throws IOException {
        Files.createDirectories(logs.resolve("ceph"));
        // about 1 MB, more than the first piece read from the end
        String text = IntStream.rangeClosed(1, 20_000).mapToObj(i -> "line " + i + " " + "x".repeat(40)).collect(Collectors.joining("\n")) + "\n";
        Files.writeString(logs.resolve("ceph/ceph.log"), text);
        LogFiles files = new LogFiles(logs, List.of("ceph"));

        assertThat(files.tail("ceph/ceph.log", 2)).isEqualTo("line 19999 " + "x".repeat(40) + "\nline 20000 " + "x".repeat(40) + "\n");
        assertThat(files.tail("ceph/ceph.log", 5000).lines().count()).isEqualTo(5000);
        assertThat(files.tail("ceph/ceph.log", 5000)).startsWith("line 15001 ");
        Files.writeString(logs.resolve("ceph/short.log"), "one\ntwo");
        assertThat(files.tail("ceph/short.log", 40)).isEqualTo("one\ntwo");
        assertThat(LogFiles.startOfLastLines("a\nb\nc\n".getBytes(StandardCharsets.UTF_8), 2)).isEqualTo(2);
    }

    @Test
    void aPathOutsideTheIncludedDirectoriesIsRefusedAndAMissingFileSaidToBe(@TempDir Path logs) throws IOException {
        Files.createDirectories(logs.resolve("ceph"));
        Files.writeString(logs.resolve("auth.log"), "secret\n");
        LogFiles files = new LogFiles(logs, List.of("ceph"));

        assertThatThrownBy(() -> files.tail("auth.log", 5)).isInstanceOf(LogFiles.NotALogFile.class);
        assertThatThrownBy(() -> files.tail("ceph/../auth.log", 5)).isInstanceOf(LogFiles.NotALogFile.class);
        assertThatThrownBy(() -> files.tail("/etc/passwd", 5)).isInstanceOf(LogFiles.NotALogFile.class);
        assertThatThrownBy(() -> files.tail("ceph/nothing.log", 5)).isInstanceOf(NoSuchFileException.class);
    }
}
