package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

/**
 * What reading a host of 60 disks costs cluster-service: the agent's answer parsed and made into views, from bytes.
 * The 60 disks are the lab host's recorded disk (its lsblk and ceph-volume entries) under 60 names, each used by an
 * OSD of the recorded metadata. Prints its figures and asserts none; run with {@code ./dev/loligo bench devices}.
 */
class DevicesBench {
    private static final int DISKS = 60;
    private static final int RUNS = 2_000;

    @Test
    void aHostOfSixtyDisks() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode disk = CephFixtures.json("host/lsblk.json").path("blockdevices").get(1);
        JsonNode decided = CephFixtures.json("host/ceph-volume-inventory.json").get(0);
        ObjectNode read = mapper.createObjectNode();
        ArrayNode listed = read.putObject("lsblk").putArray("blockdevices");
        ArrayNode inventory = read.putArray("ceph_volume");
        ArrayNode metadata = mapper.createArrayNode();
        for (int i = 0; i < DISKS; i++) {
            String name = "sd" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            listed.add(((ObjectNode) disk.deepCopy()).put("name", name).put("path", "/dev/" + name).putNull("mountpoint"));
            inventory.add(((ObjectNode) decided.deepCopy()).put("path", "/dev/" + name));
            metadata.addObject().put("id", i).put("hostname", "vm").put("devices", name);
        }
        read.put("ceph_volume_read_at", "2026-12-07T03:20:00Z");
        byte[] answer = mapper.writeValueAsBytes(read);

        long[] nanos = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            if (Devices.from(mapper.readTree(answer), metadata, "vm").devices().size() != DISKS) {
                throw new IllegalStateException("not every disk was read");
            }
            nanos[run] = System.nanoTime() - started;
        }
        long[] measured = Arrays.copyOfRange(nanos, RUNS / 2, RUNS);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "== devices: a host of %d disks (%d KiB from its agent), parsed and viewed: first %.2f ms, "
                        + "then p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d runs%n", DISKS, answer.length / 1024, nanos[0] / 1e6,
                measured[measured.length / 2] / 1e6, measured[measured.length * 99 / 100] / 1e6, measured[measured.length - 1] / 1e6,
                measured.length);
    }
}
