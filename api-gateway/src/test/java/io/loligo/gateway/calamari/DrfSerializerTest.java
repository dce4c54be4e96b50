package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Calamari's pool serializer reading what clients send, JSON or form text, as DRF 2.3 read it. */
class DrfSerializerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fieldsAreReadFromJsonAndFromFormText() throws Exception {
        DrfSerializer.Validated json = CalamariSerializers.POOL.validate("POST", JSON.readTree(
                "{\"name\": \"rbd\", \"pg_num\": 64, \"hashpspool\": true, \"quota_max_bytes\": \"1024\"}"));
        assertThat(json.valid()).isTrue();
        assertThat(json.values().path("pg_num").asInt()).isEqualTo(64);
        assertThat(json.values().path("quota_max_bytes").isIntegralNumber()).isTrue();

        DrfSerializer.Validated form = CalamariSerializers.POOL.validate("POST", FormBodies.urlEncoded("name=rbd&pg_num=64&hashpspool=False"));
        assertThat(form.valid()).isTrue();
        assertThat(form.values().path("pg_num").asInt()).isEqualTo(64);
        assertThat(form.values().path("hashpspool").asBoolean()).isFalse();
    }

    @Test
    void aValueAFieldCannotReadIsListedAndAFieldTheMethodMayNotSendIsNamed() throws Exception {
        DrfSerializer.Validated refused = CalamariSerializers.POOL.validate("POST", JSON.readTree(
                "{\"name\": \"rbd\", \"pg_num\": 6.5, \"size\": true, \"full\": true, \"colour\": \"red\"}"));
        assertThat(refused.valid()).isFalse();
        assertThat(refused.errors()).containsEntry("pg_num", List.of("Enter a whole number."))
                .containsEntry("size", List.of("Enter a whole number."))
                .containsEntry("full", "Not allowed during POST")
                .containsEntry("colour", "Not allowed during POST");
        assertThat(CalamariSerializers.POOL.validate("POST", JSON.readTree("{}")).errors())
                .containsEntry("name", "Required during POST").containsEntry("pg_num", "Required during POST");
        assertThat(CalamariSerializers.POOL.validate("PATCH", JSON.readTree("{\"type\": \"erasure\"}")).errors())
                .containsEntry("type", "Not allowed during PATCH");
        assertThat(CalamariSerializers.OSD.validate("PATCH", JSON.readTree("{\"reweight\": \"heavy\"}")).errors())
                .containsEntry("reweight", List.of("'heavy' value must be a float."));
    }

    @Test
    void booleansAreReadAsDjangoRestFrameworkReadThem() {
        for (String truth : List.of("true", "t", "True", "1", "yes")) {
            assertThat(read(truth)).as(truth).isTrue();
        }
        for (String falsehood : List.of("false", "f", "False", "0")) {
            assertThat(read(falsehood)).as(falsehood).isFalse();
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        assertThat(CalamariSerializers.OSD_CONFIG.validate("PATCH", JSON.readTree("[true]")).errors())
                .containsEntry("non_field_errors", List.of("Invalid data"));
    }

    private static boolean read(String text) {
        JsonNode value = CalamariSerializers.OSD_CONFIG.validate("PATCH", FormBodies.urlEncoded("noout=" + text)).values().path("noout");
        return value.asBoolean();
    }
}
