package io.loligo.agent.metrics;

import io.loligo.contracts.metrics.LineProtocol;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** /proc text as a Debian 12 VM wrote it. */
class HostMetricsTest {
    private static final String STAT_BEFORE = """
            cpu  76452 34 14896 78646 744 0 278 94 0 0
            cpu0 37627 13 6779 40903 133 0 75 41 0 0
            intr 1234
            """;
    private static final String STAT_AFTER = """
            cpu  76552 34 14946 78846 744 0 278 144 0 0
            cpu0 37677 13 6779 40953 133 0 75 41 0 0
            intr 1300
            """;

    @Test
    void cpuSharesAreOfTheTimeBetweenTwoReadings() {
        HostMetrics metrics = new HostMetrics();
        LineProtocol first = new LineProtocol();
        LineProtocol second = new LineProtocol();

        metrics.cpu(first, "vm", STAT_BEFORE, 1);
        metrics.cpu(second, "vm", STAT_AFTER, 2);

        assertThat(first.isEmpty()).isTrue();
        // 400 jiffies in all: user 100, system 50, idle 200, steal 50
        assertThat(lines(second)).containsExactlyInAnyOrder(
                "cpu,cpu=total,host=vm user=25.0,nice=0.0,system=12.5,idle=50.0,iowait=0.0,irq=0.0,softirq=0.0,steal=12.5 2",
                "cpu,cpu=cpu0,host=vm user=50.0,nice=0.0,system=0.0,idle=50.0,iowait=0.0,irq=0.0,softirq=0.0,steal=0.0 2");
    }

    @Test
    void memoryIsInBytes() {
        LineProtocol out = new LineProtocol();

        HostMetrics.memory(out, "vm", "MemTotal:       24585624 kB\nMemFree:        20000000 kB\nMemAvailable:   22000000 kB\nHugePages_Total: 0\n", 5);

        assertThat(out).hasToString("memory,host=vm total=2.5175678976E10,free=2.048E10,available=2.2528E10 5\n");
    }

    @Test
    void diskCountersAreInBytesForWholeDisksOnly() {
        LineProtocol out = new LineProtocol();
        String diskstats = """
                 254       0 vda 24683 8193 1905850 11423 149537 106215 6420728 123456 0 98765 145000 0 0 0 0 0 0
                 254       1 vda1 24000 8000 1900000 11000 149000 106000 6400000 120000 0 90000 140000 0 0 0 0 0 0
                   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
                """;

        HostMetrics.disks(out, "vm", diskstats, Set.of("vda", "loop0"), 5);

        assertThat(out).hasToString("disk,device=vda,host=vm reads=24683.0,read_bytes=9.757952E8,read_time_ms=11423.0,"
                + "writes=149537.0,write_bytes=3.287412736E9,write_time_ms=123456.0,io_time_ms=98765.0 5\n");
    }

    @Test
    void networkCountersPerInterface() {
        LineProtocol out = new LineProtocol();
        String netDev = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                  eth0: 1000 10 1 2 0 0 0 0 2000 20 3 4 0 0 0 0
                """;

        HostMetrics.network(out, "vm", netDev, 5);

        assertThat(out).hasToString("network,host=vm,interface=eth0 rx_bytes=1000.0,rx_packets=10.0,rx_errors=1.0,rx_drop=2.0,"
                + "tx_bytes=2000.0,tx_packets=20.0,tx_errors=3.0,tx_drop=4.0 5\n");
    }

    @Test
    void onlyFilesystemsOnDevicesAndEachMountOnce() {
        LineProtocol out = new LineProtocol();
        String mounts = """
                /dev/vda1 / ext4 rw,relatime 0 0
                proc /proc proc rw 0 0
                tmpfs /run tmpfs rw 0 0
                /dev/vdb /var/lib/ceph\\040data xfs rw 0 0
                /dev/vda1 / ext4 rw,relatime 0 0
                """;

        HostMetrics.filesystems(out, "vm", mounts, mount -> new double[]{100, 40, 60}, 5);

        assertThat(lines(out)).containsExactly("filesystem,host=vm,mount=/ size=100.0,used=40.0,free=60.0 5",
                "filesystem,host=vm,mount=/var/lib/ceph\\ data size=100.0,used=40.0,free=60.0 5");
    }

    private static List<String> lines(LineProtocol out) {
        return Arrays.asList(out.toString().split("\n"));
    }
}
