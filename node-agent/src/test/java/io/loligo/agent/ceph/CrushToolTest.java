package io.loligo.agent.ceph;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ceph's own crushtool, as ./dev/test installs it with ceph-base. */
class CrushToolTest {
    /** What every encoded CRUSH map starts with, little-endian. */
    private static final int CRUSH_MAGIC = 0x00010000;
    private static final String MAP = """
            device 0 osd.0 class hdd
            type 0 osd
            type 1 root
            root default {
            \tid -1
            \talg straw2
            \thash 0
            \titem osd.0 weight 1.000
            }
            rule replicated_rule {
            \tid 0
            \ttype replicated
            \tmin_size 1
            \tmax_size 10
            \tstep take default
            \tstep choose firstn 0 type osd
            \tstep emit
            }
            """;

    private final CrushTool crushTool = new CrushTool("crushtool");

    @Test
    void compilesAMapIntoCrushsBinaryForm() {
        byte[] compiled = crushTool.compile(MAP);

        assertThat(ByteBuffer.wrap(compiled).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(CRUSH_MAGIC);
    }

    @Test
    void aMistakeComesBackInCrushtoolsWords() {
        assertThatThrownBy(() -> crushTool.compile(MAP.replace("step take default", "step take nowhere")))
                .isInstanceOf(CrushTool.InvalidCrushMapException.class).hasMessageContaining("nowhere");
    }

    @Test
    void aMissingCrushtoolIsNotAnInvalidMap() {
        assertThatThrownBy(() -> new CrushTool("/nonexistent/crushtool").compile(MAP))
                .isNotInstanceOf(CrushTool.InvalidCrushMapException.class).hasMessageContaining("/nonexistent/crushtool");
    }
}
