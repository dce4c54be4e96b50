package io.loligo.metrics.query;

import io.loligo.contracts.api.Problem;
import io.loligo.contracts.api.RefusalMapper;
import io.loligo.contracts.refusal.Refusal;
import io.loligo.metrics.config.MetricsConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ValuesQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static final MetricsConfig CONFIG = new MetricsConfig() {
        public Influx influx() {
            return null;
        }

        public Ingest ingest() {
            return null;
        }

        public Retention retention() {
            return new Retention() {
                public Duration raw() {
                    return Duration.ofDays(7);
                }

                public Duration fiveMinutes() {
                    return Duration.ofDays(90);
                }

                public Duration oneHour() {
                    return Duration.ofDays(730);
                }
            };
        }

        public Query query() {
            return new Query() {
                public int maxPoints() {
                    return 50_000;
                }

                public int autoSteps() {
                    return 600;
                }

                public Duration collectionInterval() {
                    return Duration.ofSeconds(10);
                }
            };
        }
    };

    @Test
    void aDayAtTenSecondsReadsRawPointsWithTheTagsQuoted() {
        ValuesQuery query = query("cpu", List.of("user"), List.of("host:o'brien", "cpu:total"), "-24h", null, "10s", null, null);

        assertThat(query.rollup()).isEqualTo(Rollup.RAW);
        assertThat(query.influxQl("loligo")).isEqualTo("SELECT mean(\"user\") AS \"user\" FROM \"loligo\".\"raw\".\"cpu\" WHERE time >= "
                + NOW.minus(Duration.ofHours(24)).getEpochSecond() + "s AND time < " + NOW.getEpochSecond() + "s AND \"host\" = 'o\\'brien'"
                + " AND \"cpu\" = 'total' GROUP BY time(10s), \"host\", \"cpu\" fill(none)");
    }

    @Test
    void theFinestRollupThatHoldsTheRangeAtTheResolutionIsRead() {
        assertThat(query("load", null, null, "-1h", null, null, null, null).resolution()).isEqualTo(Duration.ofSeconds(10));
        ValuesQuery threeDays = query("load", null, null, "-3d", null, "1m", null, null);
        assertThat(threeDays.rollup()).isEqualTo(Rollup.RAW);
        assertThat(threeDays.resolution()).isEqualTo(Duration.ofMinutes(1));
        ValuesQuery tenDays = query("load", null, null, "-10d", null, "1m", "max", null);
        assertThat(tenDays.rollup()).isEqualTo(Rollup.FIVE_MINUTES);
        assertThat(tenDays.resolution()).isEqualTo(Duration.ofMinutes(5));
        assertThat(tenDays.influxQl("loligo")).contains("max(\"max_load1\") AS \"load1\"", "\"rollup_5m\"");
        ValuesQuery month = query("load", null, null, "-30d", null, "auto", null, null);
        assertThat(month.rollup()).isEqualTo(Rollup.ONE_HOUR);
        assertThat(month.resolution()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aStarInATagValueSearches() {
        assertThat(query("filesystem", List.of("used"), List.of("mount:/var/lib/ceph/*", "host:*"), null, null, null, null, null)
                .influxQl("loligo")).contains("AND \"mount\" =~ /^\\/var\\/lib\\/ceph\\/.*$/ AND \"host\" =~ /^.*$/ GROUP BY");
    }

    @Test
    void aCounterIsGraphedAsItsRate() {
        assertThat(query("network", List.of("rx_bytes"), null, null, null, null, null, "true").influxQl("loligo"))
                .startsWith("SELECT non_negative_derivative(mean(\"rx_bytes\"), 1s) AS \"rx_bytes\" FROM");
    }

    @Test
    void aWindowEndingNowEndsAtTheCloseOfItsStepSoItsAnswerHoldsBetweenPoints() {
        Instant threeSecondsIn = NOW.plusSeconds(3);
        Instant nineSecondsIn = NOW.plusMillis(9_500);
        ValuesQuery early = ValuesQuery.of("load", null, null, "-1h", null, null, null, null, threeSecondsIn, CONFIG);
        ValuesQuery late = ValuesQuery.of("load", null, null, "-1h", "now", null, null, null, nineSecondsIn, CONFIG);

        assertThat(early.until()).isEqualTo(NOW.plusSeconds(10)).isEqualTo(late.until());
        assertThat(early.from()).isEqualTo(NOW.plusSeconds(10).minus(Duration.ofHours(1))).isEqualTo(late.from());
        assertThat(early.influxQl("loligo")).isEqualTo(late.influxQl("loligo"));
        ValuesQuery nextStep = ValuesQuery.of("load", null, null, "-1h", null, null, null, null, NOW.plusSeconds(10), CONFIG);
        assertThat(nextStep.until()).isEqualTo(NOW.plusSeconds(10));
        assertThat(ValuesQuery.of("load", null, null, "-1h", null, null, null, null, NOW.plusSeconds(11), CONFIG).until())
                .isEqualTo(NOW.plusSeconds(20));
    }

    @Test
    void aWindowBetweenGivenTimesIsReadAsGiven() {
        Instant between = NOW.plusSeconds(3);
        String from = String.valueOf(NOW.minus(Duration.ofHours(1)).plusSeconds(7).getEpochSecond());
        String until = String.valueOf(NOW.minusSeconds(2).getEpochSecond());

        ValuesQuery given = ValuesQuery.of("load", null, null, from, until, null, null, null, between, CONFIG);
        assertThat(given.from().getEpochSecond()).isEqualTo(Long.parseLong(from));
        assertThat(given.until().getEpochSecond()).isEqualTo(Long.parseLong(until));
        ValuesQuery sinceGiven = ValuesQuery.of("load", null, null, from, null, null, null, null, between, CONFIG);
        assertThat(sinceGiven.from().getEpochSecond()).isEqualTo(Long.parseLong(from));
        assertThat(sinceGiven.until()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void eachWrongParameterIsNamed() {
        assertThat(fields(() -> query("cpu", List.of("usr"), List.of("hst:x"), "yesterday", "-2h", "0", "median", "true")))
                .containsExactly("field", "tag", "from", "aggregate", "rate", "resolution");
        assertThat(fields(() -> query("cpu", null, null, "-1h", "-2h", null, null, "maybe"))).containsExactly("from", "rate");
        assertThat(fields(() -> query("cpus", null, null, null, null, null, null, null))).containsExactly("measurement");
        assertThat(fields(() -> query("cpu", null, null, "-60d", null, "5m", null, null))).containsExactly("resolution");
    }

    private static ValuesQuery query(String measurement, List<String> fields, List<String> tags, String from, String until,
                                     String resolution, String aggregate, String rate) {
        return ValuesQuery.of(measurement, fields, tags, from, until, resolution, aggregate, rate, NOW, CONFIG);
    }

    private static List<String> fields(Runnable call) {
        Refusal refused = catchThrowableOfType(Refusal.class, call::run);
        assertThat(RefusalMapper.problem(refused).status()).isEqualTo(400);
        return refused.errors().stream().map(Problem.FieldError::field).toList();
    }
}
