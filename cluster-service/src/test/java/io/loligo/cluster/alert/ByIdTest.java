package io.loligo.cluster.alert;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.loligo.cluster.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ByIdTest {
    private static final Map<Long, String> RULES = Map.of(7L, "OsdSlowApply");

    @Test
    void anIdOfOursFindsItsRowAnyOtherTextIsNotFoundByName() {
        assertThat(ById.find("7", Long::valueOf, RULES::get, "rule")).isEqualTo("OsdSlowApply");
        assertProblem(() -> ById.find("8", Long::valueOf, RULES::get, "rule"), 404);
        assertProblem(() -> ById.find("../etc", Long::valueOf, RULES::get, "rule"), 404);
        assertProblem(() -> ById.find("not-a-uuid", UUID::fromString, id -> "x", "silence"), 404);
    }
}
