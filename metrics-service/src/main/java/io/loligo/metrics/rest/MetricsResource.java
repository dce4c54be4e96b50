package io.loligo.metrics.rest;

import io.loligo.contracts.api.MetricsApi;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.metrics.config.MetricsConfig;
import io.loligo.metrics.query.Graph;
import io.loligo.metrics.query.MetricQueries;
import io.loligo.metrics.query.ValuesQuery;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.Instant;
import java.util.List;

/** The query API, for api-gateway. */
@Path("/internal/v2")
public class MetricsResource implements MetricsApi {
    @Inject
    MetricQueries queries;
    @Inject
    MetricsConfig config;

    @Override
    public byte[] metricCatalog() {
        return queries.catalog();
    }

    @Override
    public byte[] metricSeries(String measurement, List<String> tags) {
        return queries.series(measurement, tags);
    }

    @Override
    public byte[] metricValues(String measurement, List<String> fields, List<String> tags, String from, String until, String resolution,
                               String aggregate, String rate) {
        return queries.values(ValuesQuery.of(measurement, fields, tags, from, until, resolution, aggregate, rate, Instant.now(), config));
    }

    @Override
    public byte[] clusterGraph(String fsid, String graph, String from, String until, String resolution) {
        return graph(Graph.Subject.CLUSTER, graph, List.of(fsid), from, until, resolution);
    }

    @Override
    public byte[] poolGraph(String fsid, String pool, String graph, String from, String until, String resolution) {
        return graph(Graph.Subject.POOL, graph, List.of(fsid, pool), from, until, resolution);
    }

    @Override
    public byte[] osdGraph(String fsid, String osd, String graph, String from, String until, String resolution) {
        return graph(Graph.Subject.OSD, graph, List.of(fsid, osd), from, until, resolution);
    }

    @Override
    public byte[] serverGraph(String fqdn, String graph, String from, String until, String resolution) {
        return graph(Graph.Subject.HOST, graph, List.of(fqdn), from, until, resolution);
    }

    private byte[] graph(Graph.Subject subject, String name, List<String> subjectTags, String from, String until, String resolution) {
        Graph graph = Graph.find(subject, name).orElseThrow(() -> new NotFound("Graph", "no graph '" + name + "' here; there are "
                + Graph.names(subject)));
        return queries.values(ValuesQuery.of(graph.measurement().influxName(), graph.fields(), graph.tagFilters(subjectTags), from, until,
                resolution, null, String.valueOf(graph.rate()), Instant.now(), config));
    }
}
