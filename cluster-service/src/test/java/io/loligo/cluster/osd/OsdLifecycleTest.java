package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.api.DeviceView;
import io.loligo.contracts.api.HostDevicesView;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.OsdDrain;
import io.loligo.contracts.command.OsdProvision;
import io.loligo.contracts.command.OsdRemoval;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On the lab's OSD map with osd.3 destroyed (ceph osd dump, 16.2.15), osd.0 to osd.2 up and in. */
class OsdLifecycleTest {
    private static final JsonNode OSD_DUMP = CephFixtures.json("osd-dump-destroyed.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HostDevicesView DEVICES = new HostDevicesView(List.of(
            device("/lab/devices/blank", true, List.of()), device("/lab/devices/used", false, List.of("Has BlueStore device label of osd.1"))), null, null);
    private static final Supplier<JsonNode> NOT_SAFE = () -> MAPPER.createObjectNode().put("ok", false)
            .put("reason", "OSD(s) 1 have 89 pgs currently mapped to them");

    private static DeviceView device(String path, boolean available, List<String> reasons) {
        return new DeviceView(path, path.substring(path.lastIndexOf('/') + 1), "file", 10L << 30, null, false, false, "file-backed",
                null, null, null, null, null, null, List.of(), available, reasons, "bluestore-label");
    }

    private static List<String> fields(Runnable call) {
        return catchThrowableOfType(call::run, Refusal.class).errors().stream().map(Problem.FieldError::field).toList();
    }

    private static String reason(Runnable call) {
        return catchThrowableOfType(call::run, Refusal.class).reason();
    }

    @Test
    void aNewOsdTakesAnAvailableDeviceWithItsClassAndLocation() {
        var planned = OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP,
                new OsdForms.Create("/lab/devices/blank", "ssd", Map.of("rack", "r1"), null));
        assertThat(planned.changes()).containsExactly(new OsdProvision("f", "vm", "/lab/devices/blank", null, "ssd", Map.of("rack", "r1")));
        assertThat(planned.changes().get(0).movesData()).isTrue();
    }

    @Test
    void badFieldsAreNamedAndDevicesAndIdsCheckedBeforeAnythingIsSent() {
        assertThat(fields(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, null))).containsExactly("device");
        assertThat(fields(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP,
                new OsdForms.Create("/lab/devices/blank", "no class", Map.of("rack", "r 1"), -1))))
                .containsExactly("device_class", "crush_location", "osd_id");
        assertThat(reason(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, new OsdForms.Create("/dev/none", null, null, null))))
                .isEqualTo("DeviceNotFound");
        assertThat(reason(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, new OsdForms.Create("/lab/devices/used", null, null, null))))
                .isEqualTo("DeviceUnavailable");
        // osd.1 runs, osd.9 never was: only a destroyed id is taken again
        assertThat(reason(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, new OsdForms.Create("/lab/devices/blank", null, null, 1))))
                .isEqualTo("OsdNotDestroyed");
        assertThat(reason(() -> OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, new OsdForms.Create("/lab/devices/blank", null, null, 9))))
                .isEqualTo("OsdNotDestroyed");
        assertThat(OsdLifecycle.create("f", "vm", DEVICES, OSD_DUMP, new OsdForms.Create("/lab/devices/blank", null, null, 3)).changes())
                .containsExactly(new OsdProvision("f", "vm", "/lab/devices/blank", 3, null, Map.of()));
    }

    @Test
    void onlyAnOsdInTheMapAndNotDestroyedIsDrained() {
        assertThat(OsdLifecycle.drain("f", 1, OSD_DUMP).changes()).containsExactly(new OsdDrain("f", 1));
        assertThat(reason(() -> OsdLifecycle.drain("f", 3, OSD_DUMP))).isEqualTo("OsdDestroyed");
        assertThat(reason(() -> OsdLifecycle.drain("f", 9, OSD_DUMP))).isEqualTo("OsdNotFound");
    }

    @Test
    void removalNeedsTheNameTypedAndCephsSafeToDestroyUnlessOverridden() {
        assertThat(fields(() -> OsdLifecycle.remove("f", 1, "vm", OSD_DUMP, new OsdForms.Removal("osd.2", null), false, NOT_SAFE)))
                .containsExactly("confirm");
        Refusal refused = catchThrowableOfType(() -> OsdLifecycle.remove("f", 1, "vm", OSD_DUMP,
                new OsdForms.Removal("osd.1", null), true, NOT_SAFE), Refusal.class);
        assertThat(RefusalMapper.problem(refused).status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("NotSafeToDestroy");
        assertThat(refused.getMessage()).contains("89 pgs currently mapped");
        assertThat(fields(() -> OsdLifecycle.remove("f", 1, "vm", OSD_DUMP, new OsdForms.Removal("osd.1", "osd.2"), false, NOT_SAFE)))
                .containsExactly("override");
        var overridden = OsdLifecycle.remove("f", 1, "vm", OSD_DUMP, new OsdForms.Removal("osd.1", "osd.1"), false, NOT_SAFE);
        assertThat(overridden.changes()).containsExactly(new OsdRemoval("f", "vm", 1, false, false));
        assertThat(overridden.headline()).contains("against Ceph's safe-to-destroy");
        assertThat(reason(() -> OsdLifecycle.remove("f", 1, null, OSD_DUMP, new OsdForms.Removal("osd.1", "osd.1"), false, NOT_SAFE)))
                .isEqualTo("OsdHostUnknown");
    }

    @Test
    void aDestroyedOsdIsPurgedFromTheMapsAloneAndNotDestroyedTwice() {
        assertThat(OsdLifecycle.remove("f", 3, null, OSD_DUMP, new OsdForms.Removal("osd.3", null), true, NOT_SAFE).changes())
                .containsExactly(OsdChange.of("f", 3, OsdChange.Kind.PURGE_DESTROYED));
        assertThat(reason(() -> OsdLifecycle.remove("f", 3, "vm", OSD_DUMP, new OsdForms.Removal("osd.3", null), false, NOT_SAFE)))
                .isEqualTo("OsdDestroyed");
    }
}
