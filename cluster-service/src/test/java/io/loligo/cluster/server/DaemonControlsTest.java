package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.api.DaemonForm;
import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DaemonControlsTest {
    private static final List<DaemonControls.Daemon> HOST = List.of(
            new DaemonControls.Daemon("f", "vm", "osd", "1"), new DaemonControls.Daemon("f", "vm", "rgw", "a"),
            new DaemonControls.Daemon("f", "vm", "mon", "a"), new DaemonControls.Daemon("f", "vm", "osd", "0"),
            new DaemonControls.Daemon("f", "vm", "mgr", "x"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What osd ok-to-stop answers on the lab when PGs would go inactive, as the mon words it (EBUSY). */
    private static final Function<DaemonControls.Daemon, JsonNode> REFUSED = daemon -> MAPPER.createObjectNode().put("ok", false)
            .put("reason", "unsafe to stop osd(s) at this time (1 PGs are or would become offline)");

    @Test
    void daemonsGoByCephsNamesAndAnUnknownOneNamesThoseThereAre() {
        assertThat(DaemonControls.find(HOST, "vm", "client.rgw.a").type()).isEqualTo("rgw");
        Refusal unknown = catchThrowableOfType(() -> DaemonControls.find(HOST, "vm", "osd.7"), Refusal.class);
        assertThat(unknown.reason()).isEqualTo("DaemonNotFound");
        assertThat(unknown.getMessage()).contains("osd.1", "client.rgw.a");
    }

    @Test
    void aStopCephRefusesIsAConflictWithItsReasonUnlessTheNameIsTyped() {
        DaemonControls.Daemon osd = HOST.get(0);
        Refusal refused = catchThrowableOfType(() -> DaemonControls.control(osd, new DaemonForm("stop", null), REFUSED), Refusal.class);
        assertThat(RefusalMapper.problem(refused).status()).isEqualTo(409);
        assertThat(refused.reason()).isEqualTo("NotOkToStop");
        assertThat(refused.getMessage()).contains("1 PGs are or would become offline");

        assertThat(DaemonControls.control(osd, new DaemonForm("stop", "osd.1"), REFUSED).changes())
                .containsExactly(new DaemonControl("f", "vm", "osd.1", DaemonControl.Action.STOP, false));
        assertThat(catchThrowableOfType(() -> DaemonControls.control(osd, new DaemonForm("stop", "osd.2"), REFUSED), Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("override");
        // a start asks nothing of Ceph, and an rgw has no check to ask
        assertThat(DaemonControls.control(osd, new DaemonForm("start", null), REFUSED).changes()).hasSize(1);
        assertThat(DaemonControls.control(HOST.get(1), new DaemonForm("restart", null), REFUSED).changes())
                .containsExactly(new DaemonControl("f", "vm", "client.rgw.a", DaemonControl.Action.RESTART, true));
        assertThat(catchThrowableOfType(() -> DaemonControls.control(osd, new DaemonForm("reboot", null), REFUSED), Refusal.class).errors()).extracting(Problem.FieldError::field).containsExactly("action");
    }

    @Test
    void aHostRestartsMonsFirstOneAtATimeEachAfterCephsCheck() {
        List<String> order = new ArrayList<>();
        DaemonControls.restartAll("vm", HOST).changes().forEach(change -> {
            DaemonControl control = (DaemonControl) change;
            assertThat(control.checkOkToStop()).isTrue();
            order.add(control.daemon());
        });
        assertThat(order).containsExactly("mon.a", "mgr.x", "osd.0", "osd.1", "client.rgw.a");
    }
}
