package io.loligo.agent.ceph;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The agent's side of a 1,000,000-PG cluster: reducing {@code pg dump pgs_brief} (in the real shape, 10,000 OSDs,
 * 8 pools) to the summary that crosses the broker. Prints the dump's size, the time and the heap the reduction
 * takes. Asserts nothing: run with {@code ./dev/loligo bench pg-summary}, which gives it an agent's 256 MiB heap.
 */
class PgSummaryBench {
    private static final int PGS = Integer.getInteger("pgs", 1_000_000);
    private static final int OSDS = 10_000;
    private static final int POOLS = 8;

    @Test
    void reduceAMillionPgs() {
        byte[] dump = pgsBrief();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapPeak();
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            int osdsSummarised = PgSummary.reduce(dump).path("by_osd").size();
            System.out.printf(Locale.ROOT, "run %d: %d PGs (%.0f MB of JSON) reduced in %d ms, %d OSDs summarised%n",
                    run, PGS, dump.length / 1e6, (System.nanoTime() - start) / 1_000_000, osdsSummarised);
        }
        System.out.printf(Locale.ROOT, "== pg-summary: heap peak while reducing %.0f MiB above the dump itself (%.0f MiB)%n",
                (heapPeak() - heapBefore) / 1048576.0, dump.length / 1048576.0);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /**
     * Compact, as librados returns it: {@code {"pg_ready":true,"pg_stats":[{"pgid":..,"state":..,"up":..,...}]}}.
     * Built into an array of the exact size, as the agent copies librados's buffer, so that the bench's own buffers
     * do not count against the heap it measures.
     */
    private static byte[] pgsBrief() {
        byte[] head = "{\"pg_ready\":true,\"pg_stats\":[".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "]}".getBytes(StandardCharsets.US_ASCII);
        long size = head.length + tail.length;
        for (int i = 0; i < PGS; i++) {
            size += pg(i).length();
        }
        byte[] dump = new byte[Math.toIntExact(size)];
        System.arraycopy(head, 0, dump, 0, head.length);
        int at = head.length;
        for (int i = 0; i < PGS; i++) {
            String pg = pg(i);
            for (int c = 0; c < pg.length(); c++) {
                dump[at++] = (byte) pg.charAt(c);
            }
        }
        System.arraycopy(tail, 0, dump, at, tail.length);
        return dump;
    }

    private static String pg(int i) {
        int perPool = PGS / POOLS;
        int a = (i * 7) % OSDS;
        String set = "[" + a + "," + (a + 1) % OSDS + "," + (a + 2) % OSDS + "]";
        return (i == 0 ? "" : ",") + "{\"pgid\":\"" + (i / perPool + 1) + '.' + Integer.toHexString(i % perPool)
                + "\",\"state\":\"" + (i % 1000 == 0 ? "active+clean+scrubbing" : "active+clean") + "\",\"up\":" + set
                + ",\"acting\":" + set + ",\"up_primary\":" + a + ",\"acting_primary\":" + a + "}";
    }
}
