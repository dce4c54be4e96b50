package io.loligo.cluster.pg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loligo.contracts.api.PgView;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.command.PgChange;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgsTest {
    @Test
    void pgsShowTheirSetsAndTheCommandsValidWhileActive() {
        ArrayNode page = new ObjectMapper().createArrayNode();
        ObjectNode pg = page.addObject().put("pgid", "2.1f").put("state", "active+clean").put("up_primary", 0).put("acting_primary", 1)
                .put("last_scrub_stamp", "2026-11-26T13:22:52.562427+0000").put("last_deep_scrub_stamp", "2026-11-20 08:00:00.5");
        pg.putArray("up").add(0).add(1).add(2);
        pg.putArray("acting").add(1).add(0).add(2);

        assertThat(Pgs.views(page, "lab")).containsExactly(
                new PgView("2.1f", "lab", "active+clean", List.of(0, 1, 2), List.of(1, 0, 2), 0, 1, PgView.COMMANDS,
                        Instant.parse("2026-11-26T13:22:52.562427Z"), Instant.parse("2026-11-20T08:00:00.5Z")));
        assertThat(Pgs.stamp(TextNode.valueOf("not a time"))).isNull();
        assertThat(Pgs.validCommands("peering")).isEmpty();
        assertThat(Pgs.validCommands("active+undersized+degraded")).isEqualTo(PgView.COMMANDS);
    }

    @Test
    void aCommandOnAnInactivePgIsForbiddenAndAnUnknownOneIsNotFound() {
        PgView inactive = new PgView("2.1", "lab", "peering", List.of(0), List.of(0), 0, 0, List.of(), null, null);
        PgView active = new PgView("2.1", "lab", "active+clean", List.of(0), List.of(0), 0, 0, PgView.COMMANDS, null, null);

        assertThat(Pgs.command("f", active, "deep_scrub").changes()).containsExactly(new PgChange("f", "2.1", PgChange.Kind.DEEP_SCRUB));
        assertThatThrownBy(() -> Pgs.command("f", inactive, "scrub")).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(RefusalMapper.problem(e).status()).isEqualTo(403));
        assertThatThrownBy(() -> Pgs.command("f", active, "defrag")).isInstanceOfSatisfying(Refusal.class,
                e -> assertThat(RefusalMapper.problem(e).status()).isEqualTo(404));
    }
}
