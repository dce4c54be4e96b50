package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.host.HostProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preview of {@code osd out} on a synthetic map of 10,000 OSDs (500 hosts of 20 in 25 racks, straw2) and one
 * pool of 1,280,000 PGs of 3 copies (osdmaptool's {@code --createsimple} with 7 bits a device), as the agent makes
 * it: osdmaptool's dump of every PG's mapping as the map is, again with the OSD marked out, both read into up sets and
 * compared. Prints each step's wall time. Asserts nothing: run with {@code ./dev/loligo bench preview}.
 */
class MovementPreviewBench {
    private static final int OSDS = 10_000;

    @Test
    void previewAnOsdOutOnTenThousandOsds() throws IOException {
        Path work = Files.createTempDirectory("loligo-preview-bench");
        try {
            Path map = work.resolve("osdmap");
            Path crush = work.resolve("crush");
            tool("osdmaptool", map.toString(), "--createsimple", String.valueOf(OSDS), "--with-default-pool", "--pg-bits", "7",
                    "--pgp-bits", "7", "--clobber");
            tool("crushtool", "--outfn", crush.toString(), "--build", "--num_osds", String.valueOf(OSDS), "host", "straw2", "20", "rack", "straw2",
                    "25", "root", "straw2", "0");
            tool("osdmaptool", map.toString(), "--import-crush", crush.toString());
            for (int run = 1; run <= 2; run++) {
                long started = System.nanoTime();
                // the synthetic map's OSDs exist down: --mark-up-in stands for a running cluster's
                String before = tool("osdmaptool", map.toString(), "--mark-up-in", "--test-map-pgs-dump-all");
                long dumped = System.nanoTime();
                String after = tool("osdmaptool", map.toString(), "--mark-up-in", "--mark-out", "0", "--test-map-pgs-dump-all");
                long dumpedOut = System.nanoTime();
                Map<String, List<Integer>> upBefore = MovementPreview.upSets(before);
                Map<String, List<Integer>> upAfter = MovementPreview.upSets(after);
                long parsed = System.nanoTime();
                ObjectNode preview = MovementPreview.compare(upBefore, upAfter, Map.of(), new ObjectMapper());
                long compared = System.nanoTime();
                System.out.printf(Locale.ROOT, "run %d: osd.0 out on %d OSDs, %d PGs: %d PGs move; osdmaptool %d + %d ms, reading %d ms,"
                                + " comparing %d ms: %d ms in all%n", run, OSDS, upBefore.size(), preview.path("pgs_moving").asInt(),
                        millis(started, dumped), millis(dumped, dumpedOut), millis(dumpedOut, parsed), millis(parsed, compared),
                        millis(started, compared));
            }
        } finally {
            CrushTool.deleteQuietly(work);
        }
    }

    private static String tool(String... command) {
        return HostProcess.run(new ArrayList<>(List.of(command)), Duration.ofMinutes(10)).outputOrFail();
    }

    private static long millis(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }
}
