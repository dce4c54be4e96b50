package io.loligo.cluster.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.refusal.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode command(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void a_line_splits_at_white_space_outside_quotes_and_loses_its_ceph() throws Exception {
        assertThat(CommandLine.words(command("\"ceph  osd pool get 'my pool' size\"")))
                .containsExactly("osd", "pool", "get", "my pool", "size");
        assertThat(CommandLine.words(command("\"osd tree\""))).containsExactly("osd", "tree");
        assertThat(CommandLine.words(command("[\"ceph\", \"osd\", \"pool\", \"get\", \"my pool\", \"size\"]")))
                .containsExactly("osd", "pool", "get", "my pool", "size");
    }

    @Test
    void what_is_no_ceph_command_line_is_named() {
        for (String bad : new String[]{"null", "{}", "\"\"", "\"ceph\"", "[1]", "\"rbd ls\"", "\"osd 'tree\""}) {
            assertThatThrownBy(() -> CommandLine.words(command(bad))).as(bad).isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).errors().get(0).field()).isEqualTo("command"));
        }
        assertThatThrownBy(() -> CommandLine.words(null)).isInstanceOf(Refusal.class);
    }
}
