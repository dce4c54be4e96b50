package io.loligo.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The ceph CLI as ground truth for tests: what Loligo reports must match what Ceph's own tool says. */
public final class CephCli {
    private CephCli() {
    }

    public static Path conf() {
        String env = System.getenv("LOLIGO_CEPH_CONF");
        return Path.of(env != null ? env : "../.dev/ceph-tests/ceph.conf").toAbsolutePath().normalize();
    }

    public static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ceph", "--conf", conf().toString(), "--connect-timeout", "10"));
        command.addAll(List.of(args));
        return output(command);
    }

    /** The {@code rbd} tool, the reference for what librbd reports. */
    public static String rbd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rbd", "--conf", conf().toString()));
        command.addAll(List.of(args));
        return output(command);
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return out.strip();
    }
}
