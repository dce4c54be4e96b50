package io.loligo.metrics.graphite;

import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphiteTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Map<String, List<Graphite.Named>> STORED = Map.of(
            "pool.a.num_read", List.of(named("pool.a.num_read", 10, 1.0, 20, 2.0)),
            "pool.b.num_read", List.of(named("pool.b.num_read", 10, 3.0, 30, 5.0)),
            "pool.*.num_read", List.of(named("pool.a.num_read", 10, 1.0, 20, 2.0), named("pool.b.num_read", 10, 3.0, 30, 5.0)));

    private static Graphite.Named named(String name, long t1, double v1, long t2, double v2) {
        TreeMap<Long, Double> points = new TreeMap<>(Map.of(t1, v1, t2, v2));
        return new Graphite.Named(name, points);
    }

    private static List<Graphite.Named> evaluate(String target) {
        return Graphite.evaluate(Target.parse(target), path -> STORED.getOrDefault(path, List.of()));
    }

    @Test
    void scaleMultipliesEachSeriesAndSaysSoInItsName() {
        List<Graphite.Named> scaled = evaluate("scale(pool.*.num_read, 0.5)");
        assertThat(scaled).extracting(Graphite.Named::name).containsExactly("scale(pool.a.num_read,0.5)", "scale(pool.b.num_read,0.5)");
        assertThat(scaled.get(1).points()).containsExactlyEntriesOf(new TreeMap<>(Map.of(10L, 1.5, 30L, 2.5)));
        assertThat(evaluate("scale(pool.a.num_read, 1024)").get(0).name()).isEqualTo("scale(pool.a.num_read,1024)");
    }

    @Test
    void aliasRenamesWithoutTouchingThePoints() {
        List<Graphite.Named> aliased = evaluate("alias(sumSeries(pool.a.num_read, pool.b.num_read), 'reads')");
        assertThat(aliased).singleElement().satisfies(series -> {
            assertThat(series.name()).isEqualTo("reads");
            // summed where either has a point: 10 s from both, 20 s and 30 s from one each
            assertThat(series.points()).containsExactlyEntriesOf(new TreeMap<>(Map.of(10L, 4.0, 20L, 2.0, 30L, 5.0)));
        });
    }

    @Test
    void aPathNotKeptAnswersNoSeriesAndASumOfNoneIsNone() {
        assertThat(evaluate("sumSeries(servers.nowhere.cpu)")).isEmpty();
    }

    @Test
    void functionsWithTheWrongArgumentsAreRefusedNamingTheTarget() {
        assertThatThrownBy(() -> evaluate("scale(pool.a.num_read, 'x')")).isInstanceOfSatisfying(InvalidInput.class,
                refused -> assertThat(refused.errors()).extracting(FieldError::field).containsExactly("target"));
        assertThatThrownBy(() -> evaluate("alias(pool.a.num_read)")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> evaluate("derivative(pool.a.num_read)")).hasMessageContaining("target");
        assertThatThrownBy(() -> evaluate("'text'")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void relativeTimesCountBackFromNowInGraphitesUnits() {
        assertThat(time("now")).isEqualTo(NOW);
        assertThat(time("1765108800")).isEqualTo(Instant.ofEpochSecond(1765108800));
        assertThat(time("-30s")).isEqualTo(NOW.minusSeconds(30));
        assertThat(time("-10min")).isEqualTo(NOW.minus(Duration.ofMinutes(10)));
        assertThat(time("-5m")).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(time("-12hour")).isEqualTo(NOW.minus(Duration.ofHours(12)));
        assertThat(time("-7d")).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(time("-2weeks")).isEqualTo(NOW.minus(Duration.ofDays(14)));
        assertThat(time("-1mon")).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(time("-1y")).isEqualTo(NOW.minus(Duration.ofDays(365)));
        assertThat(time("-3HOURS")).isEqualTo(NOW.minus(Duration.ofHours(3)));
    }

    @Test
    void anythingElseIsNoTimeAndIsNamed() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(Graphite.time("yesterday", NOW, "from", errors)).isNull();
        assertThat(Graphite.time("-3fortnights", NOW, "until", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("from", "until");
    }

    private static Instant time(String given) {
        List<FieldError> errors = new ArrayList<>();
        Instant time = Graphite.time(given, NOW, "from", errors);
        assertThat(errors).as(given).isEmpty();
        return time;
    }
}
