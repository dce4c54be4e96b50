package io.loligo.gateway.metrics;

import io.loligo.contracts.api.MetricsApi;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Time series for any logged-in user, from metrics-service, passed on as it wrote them. */
@Path(ApiPaths.V3)
public class MetricsResource implements MetricsApi {
    @Inject
    @RestClient
    MetricsServiceClient metricsService;

    @Override
    public byte[] metricCatalog() {
        return metricsService.metricCatalog();
    }

    @Override
    public byte[] metricSeries(String measurement, List<String> tags) {
        return metricsService.metricSeries(measurement, tags);
    }

    @Override
    public byte[] metricValues(String measurement, List<String> fields, List<String> tags, String from, String until, String resolution,
                               String aggregate, String rate) {
        return metricsService.metricValues(measurement, fields, tags, from, until, resolution, aggregate, rate);
    }

    @Override
    public byte[] clusterGraph(String fsid, String graph, String from, String until, String resolution) {
        return metricsService.clusterGraph(fsid, graph, from, until, resolution);
    }

    @Override
    public byte[] poolGraph(String fsid, String pool, String graph, String from, String until, String resolution) {
        return metricsService.poolGraph(fsid, pool, graph, from, until, resolution);
    }

    @Override
    public byte[] osdGraph(String fsid, String osd, String graph, String from, String until, String resolution) {
        return metricsService.osdGraph(fsid, osd, graph, from, until, resolution);
    }

    @Override
    public byte[] serverGraph(String fqdn, String graph, String from, String until, String resolution) {
        return metricsService.serverGraph(fqdn, graph, from, until, resolution);
    }
}
