package io.loligo.metrics.rest;

import io.loligo.contracts.api.GraphiteApi;
import io.loligo.metrics.graphite.Graphite;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.List;

/** Graphite's API, for api-gateway. */
@Path("/internal/graphite")
public class GraphiteResource implements GraphiteApi {
    @Inject
    Graphite graphite;

    @Override
    public byte[] render(List<String> targets, String from, String until, String format, String maxDataPoints) {
        return graphite.render(targets, from, until, format, maxDataPoints);
    }

    @Override
    public byte[] find(String query) {
        return graphite.find(query);
    }
}
