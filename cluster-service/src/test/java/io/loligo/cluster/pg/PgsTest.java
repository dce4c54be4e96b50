package io.loligo.cluster.pg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.PgView;
import io.loligo.contracts.command.PgChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgsTest {
    @Test
    void pgsShowTheirSetsAndTheCommandsValidWhileActive() {
        ArrayNode page = new ObjectMapper().createArrayNode();
        ObjectNode pg = page.addObject().put("pgid", "2.1f").put("state", "active+clean").put("up_primary", 0).put("acting_primary", 1);
        pg.putArray("up").add(0).add(1).add(2);
        pg.putArray("acting").add(1).add(0).add(2);

        assertThat(Pgs.views(page, "lab")).containsExactly(
                new PgView("2.1f", "lab", "active+clean", List.of(0, 1, 2), List.of(1, 0, 2), 0, 1, PgView.COMMANDS));
        assertThat(Pgs.validCommands("peering")).isEmpty();
        assertThat(Pgs.validCommands("active+undersized+degraded")).isEqualTo(PgView.COMMANDS);
    }

    @Test
    void aCommandOnAnInactivePgIsForbiddenAndAnUnknownOneIsNotFound() {
        PgView inactive = new PgView("2.1", "lab", "peering", List.of(0), List.of(0), 0, 0, List.of());
        PgView active = new PgView("2.1", "lab", "active+clean", List.of(0), List.of(0), 0, 0, PgView.COMMANDS);

        assertThat(Pgs.command("f", active, "deep_scrub").changes()).containsExactly(new PgChange("f", "2.1", PgChange.Kind.DEEP_SCRUB));
        assertThatThrownBy(() -> Pgs.command("f", inactive, "scrub")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> Pgs.command("f", active, "defrag")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().status()).isEqualTo(404));
    }
}
