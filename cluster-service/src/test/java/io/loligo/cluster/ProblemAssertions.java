package io.loligo.cluster;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks that a call is refused with the problem a client would get: its status and, in order, the fields named. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static void assertProblem(Runnable call, int status, String... fields) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(RefusalMapper.problem(e).status()).isEqualTo(status);
            if (fields.length > 0) {
                assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly(fields);
            }
        });
    }
}
