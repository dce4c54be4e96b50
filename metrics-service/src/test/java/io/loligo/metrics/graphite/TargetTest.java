package io.loligo.metrics.graphite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {
    @Test
    void functionsOfPathsNumbersAndNames() {
        assertThat(Target.parse("alias(scale(sumSeries(a.b.num_read, a.b.num_write), 1024), 'iops')")).isEqualTo(
                new Target.Call("alias", List.of(new Target.Call("scale", List.of(
                        new Target.Call("sumSeries", List.of(new Target.Path("a.b.num_read"), new Target.Path("a.b.num_write"))),
                        new Target.Number(1024))), new Target.Text("iops"))));
        assertThat(Target.parse("servers.*.cpu.total.user")).isEqualTo(new Target.Path("servers.*.cpu.total.user"));
    }

    @Test
    void aBrokenExpressionSaysWhere() {
        assertThatThrownBy(() -> Target.parse("sumSeries(a,")).hasMessageContaining("missing");
        assertThatThrownBy(() -> Target.parse("sumSeries(a b)")).hasMessageContaining("'b' at 12");
        assertThatThrownBy(() -> Target.parse("alias(a, 'x)")).hasMessageContaining("quote");
    }
}
