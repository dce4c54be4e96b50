package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.CephCli;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The agent's librbd binding read over and over, as a pool's page is read every few seconds for weeks: whether the
 * process grows (every list and struct librbd fills must go back through its cleanup call). Reads a pool of 20
 * images (snapshots, a clone, fast diff) through one connection and prints the time per read, the resident size and
 * how much of it is not the heap, every 500 reads. Asserts nothing: run with {@code ./dev/loligo bench rbd}, on the tests' own cluster.
 */
class RbdImagesBench {
    private static final int READS = Integer.getInteger("reads", 3000);
    private static final int IMAGES = 20;

    @Test
    void readAPoolOfImagesThousandsOfTimes() throws Exception {
        String pool = "loligo-rbd-bench-" + UUID.randomUUID().toString().substring(0, 8);
        CephCli.run("osd", "pool", "create", pool, "8", "8", "replicated");
        CephCli.run("osd", "pool", "application", "enable", pool, "rbd");
        try {
            CephCli.rbd("pool", "init", pool);
            for (int i = 0; i < IMAGES; i++) {
                CephCli.rbd("create", "--size", "1G", pool + "/image-" + i);
            }
            CephCli.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-total", "16M", "--io-pattern", "seq", pool + "/image-0");
            CephCli.rbd("snap", "create", pool + "/image-0@first");
            CephCli.rbd("snap", "protect", pool + "/image-0@first");
            CephCli.rbd("clone", pool + "/image-0@first", pool + "/clone");
            int poolId = new ObjectMapper().readTree(CephCli.run("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();
            try (RadosHandle handle = RadosHandle.connected(new RadosSettings("ceph", "admin", CephCli.conf(), Optional.empty(),
                    Duration.ofSeconds(10), Duration.ofSeconds(30)))) {
                RbdImages images = new RbdImages(handle, new ObjectMapper());
                long start = System.nanoTime();
                for (int read = 1; read <= READS; read++) {
                    int found = images.list(poolId).path("images").size();
                    if (read == 1 || read % 500 == 0) {
                        // after a collection, so that what the heap holds and what is native can be told apart
                        System.gc();
                        Runtime runtime = Runtime.getRuntime();
                        long heapCommitted = runtime.totalMemory() >> 20;
                        long rss = residentMiB();
                        System.out.printf(Locale.ROOT, "read %d: %d images, %.1f ms per read so far, RSS %d MiB, heap committed %d MiB"
                                        + " (%d MiB used), RSS beside the heap %d MiB%n", read, found, (System.nanoTime() - start) / 1e6 / read,
                                rss, heapCommitted, (runtime.totalMemory() - runtime.freeMemory()) >> 20, rss - heapCommitted);
                    }
                }
            }
        } finally {
            CephCli.run("osd", "pool", "delete", pool, pool, "--yes-i-really-really-mean-it");
        }
    }

    private static long residentMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
