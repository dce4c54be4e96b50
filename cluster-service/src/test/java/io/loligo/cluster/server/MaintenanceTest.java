package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.command.OsdGroupFlagChange;
import io.loligo.contracts.command.RequestedChange;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On the lab's maps: CRUSH with device-class shadow buckets, and the OSD map with osd.3 destroyed. */
class MaintenanceTest {
    private static final CrushMap CRUSH = CrushMap.read(CephFixtures.json("crush-dump-rules-and-classes.json"));
    private static final JsonNode OSD_DUMP = CephFixtures.json("osd-dump-destroyed.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<DaemonControls.Daemon> HOST = List.of(
            new DaemonControls.Daemon("f", "vm", "mon", "a"), new DaemonControls.Daemon("f", "vm", "osd", "1"),
            new DaemonControls.Daemon("f", "vm", "rgw", "a"), new DaemonControls.Daemon("f", "vm", "osd", "0"),
            new DaemonControls.Daemon("f", "vm", "osd", "3"), new DaemonControls.Daemon("f", "vm", "mgr", "x"),
            new DaemonControls.Daemon("f", "vm", "mds", "a"));
    /** What osd ok-to-stop answers on the lab for its three OSDs together (EBUSY). */
    private static final Function<List<String>, JsonNode> REFUSED = osds -> MAPPER.createObjectNode().put("ok", false)
            .put("reason", "unsafe to stop osd(s) at this time (113 PGs are or would become offline)");

    private static List<String> steps(List<RequestedChange> changes) {
        List<String> steps = new ArrayList<>();
        for (RequestedChange change : changes) {
            if (change instanceof DaemonControl control) {
                steps.add(control.action() + " " + control.daemon());
            } else if (change instanceof OsdGroupFlagChange flag) {
                steps.add((flag.set() ? "set " : "clear ") + flag.flag() + " " + flag.who());
            }
        }
        return steps;
    }

    @Test
    void theFlagGoesOnTheHostsOwnBucketNotOnItsDeviceClassShadows() {
        assertThat(Maintenance.hostBuckets(CRUSH, List.of("osd.0", "osd.2"))).containsExactly("vm");
        assertThat(Maintenance.hostBuckets(CRUSH, List.of())).isEmpty();
    }

    @Test
    void enteringIsRefusedInCephsWordsUnlessTheHostIsTyped() {
        Refusal refused = catchThrowableOfType(() -> Maintenance.plan("vm", HOST, List.of(), OSD_DUMP, CRUSH,
                new OsdForms.Maintenance("enter", null), REFUSED), Refusal.class);
        assertThat(refused.reason()).isEqualTo("NotOkToStop");
        assertThat(refused.getMessage()).contains("osd.0, osd.1", "113 PGs are or would become offline");
        assertThat(catchThrowableOfType(() -> Maintenance.plan("vm", HOST, List.of(), OSD_DUMP, CRUSH,
                new OsdForms.Maintenance("enter", "other"), REFUSED), Refusal.class).errors().get(0).field()).isEqualTo("override");
        assertThat(catchThrowableOfType(() -> Maintenance.plan("vm", HOST, List.of(), OSD_DUMP, CRUSH,
                new OsdForms.Maintenance("pause", null), REFUSED), Refusal.class).errors().get(0).field()).isEqualTo("action");
    }

    @Test
    void enteringSetsNooutThenStopsGatewaysBeforeOsdsAndLeavesMonsMgrsAndDestroyedOsdsAlone() {
        var planned = Maintenance.plan("vm", HOST, List.of(), OSD_DUMP, CRUSH, new OsdForms.Maintenance("enter", "vm"), REFUSED);
        assertThat(steps(planned.changes())).containsExactly("set noout [vm]", "STOP client.rgw.a", "STOP mds.a", "STOP osd.0", "STOP osd.1");
        assertThat(planned.headline()).startsWith(Maintenance.enterHeadline("vm")).contains("against Ceph's ok-to-stop");
    }

    @Test
    void exitingStartsWhatTheEntryStoppedAlsoThoseNoLongerReportedThenClearsTheFlag() {
        List<DaemonControls.Daemon> reported = HOST.stream().filter(daemon -> !List.of("rgw", "mds").contains(daemon.type())).toList();
        List<DaemonControls.Daemon> stopped = List.of(new DaemonControls.Daemon("f", "vm", "rgw", "a"), new DaemonControls.Daemon("f", "vm", "mds", "a"));
        var planned = Maintenance.plan("vm", reported, stopped, OSD_DUMP, CRUSH, new OsdForms.Maintenance("exit", null), REFUSED);
        assertThat(steps(planned.changes())).containsExactly("START osd.1", "START osd.0", "START mds.a", "START client.rgw.a", "clear noout [vm]");
        assertThat(planned.changes().get(planned.changes().size() - 1).movesData()).isTrue();
    }
}
