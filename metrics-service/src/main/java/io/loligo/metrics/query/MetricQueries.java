package io.loligo.metrics.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.metrics.Measurement;
import io.loligo.metrics.config.MetricsConfig;
import io.loligo.metrics.influx.InfluxConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.influxdb.InfluxDBException;
import org.influxdb.dto.QueryResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Answers the query API from InfluxDB, as JSON ready to send. */
@ApplicationScoped
public class MetricQueries {
    @Inject
    InfluxConnection influx;
    @Inject
    MetricsConfig config;
    @Inject
    ObjectMapper mapper;

    public byte[] catalog() {
        ArrayNode measurements = mapper.createArrayNode();
        for (Measurement measurement : Measurement.values()) {
            ObjectNode entry = measurements.addObject().put("measurement", measurement.influxName())
                    .put("kind", measurement.kind().name().toLowerCase());
            measurement.tags().forEach(entry.putArray("tags")::add);
            measurement.fields().forEach(entry.putArray("fields")::add);
        }
        return bytes(measurements);
    }

    /** The series of a measurement, each as its tags, from InfluxDB's index. */
    public byte[] series(String measurementName, List<String> tagFilters) {
        Measurement measurement = Measurement.named(measurementName == null ? "" : measurementName).orElseThrow(() ->
                ApiException.invalid(List.of(new FieldError("measurement", "is not a measurement Loligo keeps; see /metrics/catalog"))));
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> tags = ValuesQuery.tags(measurement, tagFilters, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        StringBuilder query = new StringBuilder("SHOW SERIES FROM \"").append(measurement.influxName()).append('"');
        String joiner = " WHERE ";
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            query.append(joiner).append('"').append(tag.getKey()).append("\" = '").append(ValuesQuery.quoted(tag.getValue())).append('\'');
            joiner = " AND ";
        }
        ArrayNode series = mapper.createArrayNode();
        for (QueryResult.Series found : run(query.toString())) {
            for (List<Object> row : found.getValues()) {
                ObjectNode entry = series.addObject().put("measurement", measurement.influxName());
                SeriesKey.tags(String.valueOf(row.get(0))).forEach(entry.putObject("tags")::put);
            }
        }
        return bytes(series);
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
        for (QueryResult.Series found : run(query.influxQl(influx.database()))) {
            List<String> columns = found.getColumns();
            for (int column = 1; column < columns.size(); column++) {
                ObjectNode one = series.addObject().put("field", columns.get(column));
                (found.getTags() == null ? Map.<String, String>of() : found.getTags()).forEach(one.putObject("tags")::put);
                ArrayNode points = one.putArray("points");
                for (List<Object> row : found.getValues()) {
                    Object value = row.get(column);
                    if (value instanceof Number number) {
                        points.addArray().add(((Number) row.get(0)).longValue()).add(number.doubleValue());
                    }
                }
            }
        }
        return bytes(answer);
    }

    private List<QueryResult.Series> run(String influxQl) {
        QueryResult result;
        try {
            result = influx.query(influxQl);
        } catch (InfluxDBException e) {
            throw new ApiException(503, "InfluxUnavailable", "InfluxDB cannot answer now: " + e.getMessage());
        }
        String error = result.hasError() ? result.getError() : result.getResults().stream().filter(QueryResult.Result::hasError)
                .map(QueryResult.Result::getError).findFirst().orElse(null);
        if (error != null) {
            throw new ApiException(503, "InfluxRefused", "InfluxDB did not answer the query: " + error);
        }
        List<QueryResult.Series> series = new ArrayList<>();
        result.getResults().forEach(one -> {
            if (one.getSeries() != null) {
                series.addAll(one.getSeries());
            }
        });
        return series;
    }

    private byte[] bytes(Object tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
