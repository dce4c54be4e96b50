package io.loligo.metrics.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.metrics.Measurement;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.Unavailable;
import io.loligo.metrics.influx.InfluxConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Answers the query API from InfluxDB, as JSON ready to send. */
@ApplicationScoped
public class MetricQueries {
    @Inject
    InfluxConnection influx;
    @Inject
    ObjectMapper mapper;

    public byte[] catalog() {
        ArrayNode measurements = mapper.createArrayNode();
        for (Measurement measurement : Measurement.values()) {
            ObjectNode entry = measurements.addObject().put("measurement", measurement.influxName())
                    .put("kind", measurement.kind().name().toLowerCase(Locale.ROOT));
            measurement.tags().forEach(entry.putArray("tags")::add);
            measurement.fields().forEach(entry.putArray("fields")::add);
        }
        return bytes(measurements);
    }

    /** The series of a measurement, each as its tags, from InfluxDB's index. */
    public byte[] series(String measurementName, List<String> tagFilters) {
        Measurement measurement = ValuesQuery.measurement(measurementName);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> tags = ValuesQuery.tags(measurement, tagFilters, errors);
        InvalidInput.refuseIfAny(errors);
        String query = "SHOW SERIES FROM \"" + measurement.influxName() + '"' + ValuesQuery.conditions(tags, " WHERE ");
        ArrayNode series = mapper.createArrayNode();
        for (QueryResult.Series found : run(query)) {
            for (List<Object> row : found.getValues()) {
                ObjectNode entry = series.addObject().put("measurement", measurement.influxName());
                SeriesKey.tags(String.valueOf(row.get(0))).forEach(entry.putObject("tags")::put);
            }
        }
        return bytes(series);
    }

    /** One field of one series: its points in time order. */
    public record Series(String field, Map<String, String> tags, List<Point> points) {
    }

    public record Point(long time, double value) {
    }

    public List<Series> read(ValuesQuery query) {
        List<Series> series = new ArrayList<>();
        for (QueryResult.Series found : run(query.influxQl(influx.database()))) {
            List<String> columns = found.getColumns();
            Map<String, String> tags = found.getTags() == null ? Map.of() : found.getTags();
            for (int column = 1; column < columns.size(); column++) {
                List<Point> points = new ArrayList<>(found.getValues().size());
                for (List<Object> row : found.getValues()) {
                    if (row.get(column) instanceof Number value) {
                        points.add(new Point(((Number) row.get(0)).longValue(), value.doubleValue()));
                    }
                }
                series.add(new Series(columns.get(column), tags, points));
            }
        }
        return series;
    }

    public byte[] values(ValuesQuery query) {
        ObjectNode answer = mapper.createObjectNode()
                .put("measurement", query.measurement().influxName())
                .put("aggregate", query.aggregate().influxFunction())
                .put("rate", query.rate())
                .put("from", query.from().getEpochSecond())
                .put("until", query.until().getEpochSecond())
                .put("resolution", query.resolution().toSeconds())
                .put("rollup", query.rollup().retentionPolicy());
        ArrayNode series = answer.putArray("series");
        for (Series one : read(query)) {
            ObjectNode entry = series.addObject().put("field", one.field());
            one.tags().forEach(entry.putObject("tags")::put);
            ArrayNode points = entry.putArray("points");
            one.points().forEach(point -> points.addArray().add(point.time()).add(point.value()));
        }
        return bytes(answer);
    }

    /** The values a tag has in a measurement, where the other tags have the given values. */
    public List<String> tagValues(Measurement measurement, String tag, Map<String, String> where) {
        String query = "SHOW TAG VALUES FROM \"" + measurement.influxName() + "\" WITH KEY = \"" + tag + '"'
                + ValuesQuery.conditions(where, " WHERE ");
        List<String> values = new ArrayList<>();
        for (QueryResult.Series found : run(query)) {
            found.getValues().forEach(row -> values.add(String.valueOf(row.get(1))));
        }
        return values;
    }

    public byte[] bytes(Object tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private List<QueryResult.Series> run(String influxQl) {
        QueryResult result;
        try {
            result = influx.query(influxQl);
        } catch (InfluxDBException e) {
            throw new Unavailable("InfluxUnavailable", "InfluxDB cannot answer now: " + e.getMessage());
        }
        String error = result.hasError() ? result.getError() : result.getResults().stream().filter(QueryResult.Result::hasError)
                .map(QueryResult.Result::getError).findFirst().orElse(null);
        if (error != null) {
            throw new Unavailable("InfluxRefused", "InfluxDB did not answer the query: " + error);
        }
        List<QueryResult.Series> series = new ArrayList<>();
        result.getResults().forEach(one -> {
            if (one.getSeries() != null) {
                series.addAll(one.getSeries());
            }
        });
        return series;
    }
}
