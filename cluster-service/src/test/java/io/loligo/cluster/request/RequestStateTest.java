package io.loligo.cluster.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestStateTest {
    @Test
    void aRequestMovesForwardOnlyAndEndsForGood() {
        assertThat(RequestState.QUEUED.to(RequestState.SUBMITTED).to(RequestState.COMPLETE)).isEqualTo(RequestState.COMPLETE);
        assertThat(RequestState.COMPLETE.ended()).isTrue();
        assertThat(RequestState.SUBMITTED.ended()).isFalse();
        assertThatThrownBy(() -> RequestState.COMPLETE.to(RequestState.CANCELLED)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a complete request cannot become cancelled");
        assertThatThrownBy(() -> RequestState.QUEUED.to(RequestState.COMPLETE)).isInstanceOf(IllegalStateException.class);
    }
}
