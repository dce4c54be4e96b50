package io.loligo.cluster.state;

import io.loligo.cluster.CephFixtures;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.ConfigView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Options from a recorded {@code config show} of a real Pacific mon. */
class ConfigOptionsTest {
    @Test
    void everyOptionInKeyOrder() {
        ObjectNode configShow = (ObjectNode) CephFixtures.json("config-show.json");

        var options = ConfigOptions.from(configShow);

        assertThat(options).hasSize(configShow.size());
        assertThat(options).extracting(ConfigView::key).isSorted();
        assertThat(options).contains(new ConfigView("osd_max_backfills", configShow.path("osd_max_backfills").asText()));
    }
}
