package io.loligo.gateway.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AuditBodiesTest {
    private static String kept(String body) {
        return AuditBodies.kept(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwords_are_masked_at_any_depth_and_the_rest_kept() {
        assertThat(kept("{\"username\":\"ops\",\"password\":\"hunter2hunter2\"}"))
                .isEqualTo("{\"username\":\"ops\",\"password\":\"***\"}");
        assertThat(kept("[{\"user\":{\"old_password\":\"a\",\"password\":\"b\"}}]"))
                .isEqualTo("[{\"user\":{\"old_password\":\"***\",\"password\":\"***\"}}]");
        assertThat(kept("{\"in\":false}")).isEqualTo("{\"in\":false}");
    }

    @Test
    void a_body_that_is_not_json_is_not_kept_since_a_password_could_hide_in_it() {
        assertThat(kept("{\"username\":\"ops\",\"password\":\"hunter2")).isEqualTo("(37 bytes, not JSON)");
        assertThat(kept("   ")).isEqualTo("(3 bytes, not JSON)");
        assertThat(AuditBodies.kept(new byte[0])).isNull();
    }

    @Test
    void a_long_body_is_cut_and_says_so() {
        String map = "\"" + "x".repeat(AuditBodies.MAX_CHARS * 2) + "\"";
        assertThat(kept(map)).hasSize(AuditBodies.MAX_CHARS + "… (cut; 32770 bytes in all)".length())
                .endsWith("… (cut; 32770 bytes in all)");
    }
}
