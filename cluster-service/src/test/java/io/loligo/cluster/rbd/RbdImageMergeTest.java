package io.loligo.cluster.rbd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.contracts.api.RbdImageView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool's listing kept up to date from the agent's answers of what changed since the last one. */
class RbdImageMergeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode answer(boolean whole, String ids, String images) throws Exception {
        return MAPPER.readTree("{\"whole\": " + whole + ", \"ids\": " + ids + ", \"images\": " + images + ", \"mark\": \"i/3\"}");
    }

    private static String image(String id, String name, long size) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"size\": " + size + ", \"data_pool_id\": 4}";
    }

    @Test
    void changesReplaceTheirImagesAndTheIdsSayWhichRemainAndInWhatOrder() throws Exception {
        List<RbdImageView> earlier = RbdImages.merged(answer(true, "[\"1\", \"2\", \"3\"]",
                "[" + image("1", "a", 1) + "," + image("2", "b", 2) + "," + image("3", "c", 3) + "]"), "rbd", Map.of(4, "ec"), List.of()).orElseThrow();

        Optional<List<RbdImageView>> now = RbdImages.merged(answer(false, "[\"3\", \"1\", \"4\"]",
                "[" + image("1", "a", 10) + "," + image("4", "d", 4) + "]"), "rbd", Map.of(4, "ec"), earlier);

        assertThat(now).hasValueSatisfying(images -> {
            assertThat(images).extracting(RbdImageView::name).containsExactly("c", "a", "d");
            assertThat(images).extracting(RbdImageView::size).containsExactly(3L, 10L, 4L);
            assertThat(images).extracting(RbdImageView::dataPool).containsOnly("ec");
        });
    }

    @Test
    void aWholeAnswerIgnoresTheEarlierReadAndOneNamingAnUnknownImageIsRefused() throws Exception {
        List<RbdImageView> earlier = RbdImages.merged(answer(true, "[\"1\"]", "[" + image("1", "a", 1) + "]"), "rbd", Map.of(), List.of())
                .orElseThrow();

        assertThat(RbdImages.merged(answer(true, "[\"1\"]", "[]"), "rbd", Map.of(), earlier)).isEmpty();
        assertThat(RbdImages.merged(answer(false, "[\"1\", \"9\"]", "[]"), "rbd", Map.of(), earlier)).isEmpty();
        assertThat(RbdImages.merged(answer(false, "[\"1\"]", "[]"), "rbd", Map.of(), earlier)).hasValue(earlier);
    }
}
