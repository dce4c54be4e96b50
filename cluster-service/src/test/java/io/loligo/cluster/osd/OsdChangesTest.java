package io.loligo.cluster.osd;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.command.OsdChange;
import io.loligo.contracts.command.OsdFlagChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.loligo.cluster.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class OsdChangesTest {
    private static final String FSID = "f4dc3c52-ad92-433d-97b3-30f93c036321";

    private static OsdView osd(boolean up, boolean in, double reweight) {
        return new OsdView(2, "uuid", up, in, reweight, "vm", List.of(1), up ? OsdView.COMMANDS : List.of(), null, null,
                List.of(), null, null, null, null, "vm", 0.01, 1.0, Map.of(), 5, null, null);
    }

    @Test
    void aPatchBecomesTheChangesThatDifferFromTheOsdAsItIs() {
        Planned planned = OsdChanges.patch(FSID, osd(true, true, 1.0), new OsdPatch(false, false, 0.5, null));

        assertThat(planned.changes()).containsExactly(OsdChange.of(FSID, 2, OsdChange.Kind.MARK_OUT),
                OsdChange.of(FSID, 2, OsdChange.Kind.MARK_DOWN), new OsdChange(FSID, 2, OsdChange.Kind.REWEIGHT, 0.5));
        assertThat(planned.headline()).isEqualTo("Updating osd.2: out, down, reweight 0.5");
        assertThat(OsdChanges.patch(FSID, osd(true, true, 1.0), new OsdPatch(true, null, 1.0, 1.0)).changesNothing()).isTrue();
    }

    @Test
    void whatCannotBeIsNamedField() {
        assertProblem(() -> OsdChanges.patch(FSID, osd(true, true, 1.0), new OsdPatch(null, true, 1.5, -1.0)), 400,
                "up", "reweight", "primary_affinity");
        assertProblem(() -> OsdChanges.patch(FSID, osd(true, true, 1.0), new OsdPatch(null, null, null, null)), 400, "body");
        assertProblem(() -> OsdChanges.patch(FSID, osd(true, true, 1.0), null), 400, "body");
    }

    @Test
    void commandsRunOnlyOnAnOsdThatIsUp() {
        assertThat(OsdChanges.command(FSID, osd(true, true, 1.0), "deep_scrub").changes())
                .containsExactly(OsdChange.of(FSID, 2, OsdChange.Kind.DEEP_SCRUB));
        assertProblem(() -> OsdChanges.command(FSID, osd(false, true, 1.0), "scrub"), 403);
        assertProblem(() -> OsdChanges.command(FSID, osd(true, true, 1.0), "defrag"), 404);
    }

    @Test
    void flagsComeFromTheOsdMapAndOnlyTheDifferingOnesChange() {
        ObjectNode dump = (ObjectNode) CephFixtures.json("osd-dump.json");
        dump.put("flags", "noout,pauserd,pausewr,sortbitwise");

        Map<String, Boolean> flags = OsdChanges.flags(dump);

        assertThat(flags).containsEntry("noout", true).containsEntry("pause", true).containsEntry("noin", false).hasSize(9);
        assertThat(OsdChanges.flags(FSID, dump, Map.of("noout", true, "noin", true)).changes())
                .containsExactly(new OsdFlagChange(FSID, "noin", true));
        assertProblem(() -> OsdChanges.flags(FSID, dump, Map.of("sortbitwise", false)), 400, "sortbitwise");
    }
}
