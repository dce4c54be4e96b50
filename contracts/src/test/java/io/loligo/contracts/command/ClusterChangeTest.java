package io.loligo.contracts.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.wire.WireCodec;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each change's Ceph JSON, as the ceph CLI sends the same command. */
class ClusterChangeTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void osdChangesWriteCephsCommands() throws IOException {
        assertThat(mapper.readTree(OsdChange.of("f", 2, OsdChange.Kind.MARK_OUT).monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd out\",\"format\":\"json\",\"ids\":[\"2\"]}"));
        assertThat(mapper.readTree(new OsdChange("f", 2, OsdChange.Kind.REWEIGHT, 0.5).monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd reweight\",\"format\":\"json\",\"id\":2,\"weight\":0.5}"));
        assertThat(mapper.readTree(OsdChange.of("f", 1, OsdChange.Kind.DEEP_SCRUB).monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd deep-scrub\",\"format\":\"json\",\"who\":\"1\"}"));
        assertThat(mapper.readTree(new ErasureCodeProfileChange("f", "fast", java.util.Map.of("m", "1", "k", "2")).monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd erasure-code-profile set\",\"format\":\"json\",\"name\":\"fast\",\"profile\":[\"k=2\",\"m=1\"]}"));
        assertThat(mapper.readTree(new PoolChange("f", "images", PoolChange.Kind.QUOTA_MAX_BYTES, "1024").monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd pool set-quota\",\"format\":\"json\",\"pool\":\"images\",\"field\":\"max_bytes\",\"val\":\"1024\"}"));
        assertThat(mapper.readTree(CrushChange.of("f", CrushChange.Kind.MOVE_BUCKET, "rack1", "root=default").monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd crush move\",\"format\":\"json\",\"name\":\"rack1\",\"args\":[\"root=default\"]}"));
        assertThat(mapper.readTree(new OsdFlagChange("f", "noout", false).monCommand()))
                .isEqualTo(mapper.readTree("{\"prefix\":\"osd unset\",\"format\":\"json\",\"key\":\"noout\"}"));
    }

    @Test
    void impossibleChangesCannotBeMade() {
        assertThatThrownBy(() -> new OsdChange("f", 2, OsdChange.Kind.REWEIGHT, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdChange("f", 2, OsdChange.Kind.REWEIGHT, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OsdFlagChange("f", "sortbitwise", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changesTravelAsCommands() {
        WireCodec codec = new WireCodec();
        AgentCommand change = new OsdChange("f", 2, OsdChange.Kind.PRIMARY_AFFINITY, 0.25);

        assertThat(codec.decode(codec.encode(change), AgentCommand.class)).isEqualTo(change);
        assertThat(codec.fromTree(codec.toTree(new OsdFlagChange("f", "noout", true)), AgentCommand.class))
                .isEqualTo(new OsdFlagChange("f", "noout", true));
    }
}
