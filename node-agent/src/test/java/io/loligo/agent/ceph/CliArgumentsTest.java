package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Command lines read by the signatures a real Pacific monitor describes ({@code get_command_descriptions}). */
class CliArgumentsTest {
    private static CliArguments arguments;

    @BeforeAll
    static void readSignatures() throws Exception {
        arguments = new CliArguments(new ObjectMapper().readTree(
                CliArgumentsTest.class.getResourceAsStream("/ceph/command-descriptions.json")));
    }

    private static String json(String line) throws CliArguments.Invalid {
        return arguments.parse(List.of(line.split(" "))).json().toString();
    }

    @Test
    void words_fill_the_parameters_in_order_and_typed() throws Exception {
        assertThat(json("status")).isEqualTo("{\"prefix\":\"status\"}");
        assertThat(json("osd tree 12")).isEqualTo("{\"prefix\":\"osd tree\",\"epoch\":12}");
        assertThat(json("osd pool get rbd size")).isEqualTo("{\"prefix\":\"osd pool get\",\"pool\":\"rbd\",\"var\":\"size\"}");
        assertThat(json("osd out 1 2")).isEqualTo("{\"prefix\":\"osd out\",\"ids\":[\"1\",\"2\"]}");
        assertThat(json("pg dump pgs_brief")).isEqualTo("{\"prefix\":\"pg dump\",\"dumpcontents\":[\"pgs_brief\"]}");
        assertThat(json("osd pool ls detail")).isEqualTo("{\"prefix\":\"osd pool ls\",\"detail\":\"detail\"}");
    }

    @Test
    void the_longest_signature_that_fits_wins() throws Exception {
        assertThat(arguments.parse(List.of("osd", "pool", "get", "noautoscale")).prefix()).isEqualTo("osd pool get noautoscale");
        assertThat(arguments.parse(List.of("osd", "pool", "get", "noautoscale", "size")).prefix()).isEqualTo("osd pool get");
    }

    @Test
    void options_name_parameters_and_choose_the_format() throws Exception {
        assertThat(json("osd tree --epoch 3 -f json")).isEqualTo("{\"prefix\":\"osd tree\",\"epoch\":3,\"format\":\"json\"}");
        assertThat(json("osd tree --epoch=3 --format=json-pretty"))
                .isEqualTo("{\"prefix\":\"osd tree\",\"epoch\":3,\"format\":\"json-pretty\"}");
        assertThat(json("osd test-reweight-by-utilization 120 --no-increasing"))
                .isEqualTo("{\"prefix\":\"osd test-reweight-by-utilization\",\"oload\":120,\"no_increasing\":true}");
        assertThat(arguments.parse(List.of("osd", "find", "osd.2")).json().path("id").asInt()).isEqualTo(2);
    }

    @Test
    void what_names_no_command_is_explained() {
        assertThatThrownBy(() -> json("frobnicate now")).isInstanceOf(CliArguments.Invalid.class)
                .hasMessage("no ceph command starts with 'frobnicate now'");
        assertThatThrownBy(() -> json("osd pool get")).hasMessage("osd pool get: missing <pool>");
        assertThatThrownBy(() -> json("osd pool get rbd colour")).hasMessageStartingWith("osd pool get: <var> must be one of size, min_size");
        assertThatThrownBy(() -> json("osd tree x")).hasMessage("osd tree: <epoch> must be a number, not 'x'");
        assertThatThrownBy(() -> json("osd tree -1")).hasMessage("osd tree: <epoch> must be within 0, not -1");
        assertThatThrownBy(() -> json("status now")).hasMessage("status: unexpected 'now'");
        assertThatThrownBy(() -> json("status -f")).hasMessage("-f needs a format: json, json-pretty, plain, xml");
    }

    @Test
    void each_command_carries_the_permission_ceph_requires() throws Exception {
        assertThat(arguments.parse(List.of("osd", "tree")).permission()).isEqualTo("r");
        assertThat(arguments.parse(List.of("osd", "out", "1")).permission()).isEqualTo("rw");
    }
}
