package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.loligo.agent.host.HostProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preview of {@code osd out} on a synthetic map of 10,000 OSDs (500 hosts of 20 in 25 racks, straw2) and one
 * pool of 1,280,000 PGs of 3 copies (osdmaptool's {@code --createsimple} with 7 bits a device), as the agent makes
 * it: {@code osd dump}, {@code osd crush dump} and the PG map's listing of the OSD's PGs read (here osdmaptool's and
 * crushtool's JSON, and osdmaptool's up sets standing for the PG map), then those PGs mapped with CRUSH in process as
 * they are and with the OSD out. Prints each run's time, and osdmaptool's time to map every PG both ways, which the
 * agent did before, and whether the two agree on every PG that moves. Asserts nothing: run with
 * {@code ./dev/loligo bench preview}.
 */
class MovementPreviewBench {
    private static final int OSDS = 10_000;
    private static final int OUT = 0;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void previewAnOsdOutOnTenThousandOsds() throws Exception {
        Path work = Files.createTempDirectory("loligo-preview-bench");
        try {
            Path map = work.resolve("osdmap");
            Path crush = work.resolve("crush");
            tool("osdmaptool", map.toString(), "--createsimple", String.valueOf(OSDS), "--with-default-pool", "--pg-bits", "7",
                    "--pgp-bits", "7", "--clobber");
            tool("crushtool", "--outfn", crush.toString(), "--build", "--num_osds", String.valueOf(OSDS), "host", "straw2", "20", "rack", "straw2",
                    "25", "root", "straw2", "0");
            tool("osdmaptool", map.toString(), "--import-crush", crush.toString());
            // the synthetic map's OSDs exist down: --mark-up-in stands for a running cluster's
            String osdDump = tool("osdmaptool", map.toString(), "--mark-up-in", "--dump", "json");
            String osdDumpJson = osdDump.substring(osdDump.indexOf('{'));
            String crushDumpJson = tool("crushtool", "-i", crush.toString(), "--dump");

            long started = System.nanoTime();
            Path before = work.resolve("before");
            Path after = work.resolve("after");
            shell("osdmaptool '" + map + "' --mark-up-in --test-map-pgs-dump-all > '" + before + "'");
            long dumped = System.nanoTime();
            shell("osdmaptool '" + map + "' --mark-up-in --mark-out " + OUT + " --test-map-pgs-dump-all > '" + after + "'");
            long dumpedOut = System.nanoTime();
            // what osdmaptool says changes, and what the PG map would list on the OSD: read off the dumps by diff and grep
            Map<String, List<Integer>> changedBefore = MovementPreview.upSets(changedLines(before, after, "<"));
            Map<String, List<Integer>> changedAfter = MovementPreview.upSets(changedLines(before, after, ">"));
            JsonNode byOsdmaptool = MovementPreview.compare(changedBefore, changedAfter, Map.of(), MAPPER);
            String listedJson = LoweredWeightPreviewTest.listing(MovementPreview.upSets(shell("grep -E ' up \\(\\[([0-9]+,)*" + OUT + "[],]' '" + before + "'")), OUT,
                    pgid -> 0).toString();
            System.out.printf(Locale.ROOT, "osdmaptool: every PG mapped with osd.%d in, then out, in %d + %d ms%n", OUT, millis(started, dumped),
                    millis(dumped, dumpedOut));

            LibCephCrush libCrush = LibCephCrush.load(AgentConfig.DEBIAN_CEPH_COMMON);
            JsonNode pgStat = MAPPER.readTree("{\"pg_ready\": true, \"pg_summary\": {\"num_pg_by_state\": [{\"name\": \"active+clean\"}]}}");
            for (int run = 1; run <= 3; run++) {
                started = System.nanoTime();
                LoweredWeightPreview.Inputs inputs = new LoweredWeightPreview.Inputs(MAPPER.readTree(osdDumpJson), MAPPER.readTree(crushDumpJson),
                        MAPPER.readTree(listedJson), pgStat);
                long read = System.nanoTime();
                ObjectNode preview = LoweredWeightPreview.preview(libCrush, inputs, OUT, 0, MAPPER);
                long previewed = System.nanoTime();
                boolean agrees = preview.path("pgs_changed").equals(byOsdmaptool.path("pgs_changed"))
                        && preview.path("pgs_moving").equals(byOsdmaptool.path("pgs_moving")) && preview.path("osds").equals(byOsdmaptool.path("osds"))
                        && preview.path("moving").equals(byOsdmaptool.path("moving"));
                System.out.printf(Locale.ROOT, "run %d: osd.%d out on %d OSDs, %d PGs: %d of its %d PGs move; reading the JSON %d ms,"
                                + " CRUSH in process on its PGs %d ms: %d ms in all; the same PGs and OSDs as osdmaptool: %s%n", run, OUT, OSDS,
                        preview.path("pgs").asInt(), preview.path("pgs_moving").asInt(), inputs.listed().size(), millis(started, read),
                        millis(read, previewed), millis(started, previewed), agrees ? "yes" : "NO");
            }
        } finally {
            CrushTool.deleteQuietly(work);
        }
    }

    private static String tool(String... command) {
        return HostProcess.run(List.of(command), Duration.ofMinutes(10)).outputOrFail();
    }

    /** The lines of one side of the dumps' diff: the PGs whose mapping changes, as they are or as they will be. */
    private static String changedLines(Path before, Path after, String side) {
        // diff says 1 when the files differ
        return shell("{ diff '" + before + "' '" + after + "' || [ $? = 1 ]; } | sed -n 's/^" + side + " //p'");
    }

    private static String shell(String script) {
        return HostProcess.run(List.of("bash", "-o", "pipefail", "-c", script), Duration.ofMinutes(10)).outputOrFail();
    }

    private static long millis(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }
}
