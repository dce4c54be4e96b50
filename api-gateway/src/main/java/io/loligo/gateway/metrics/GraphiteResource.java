package io.loligo.gateway.metrics;

import io.loligo.contracts.api.GraphiteApi;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * Graphite's {@code /render} and {@code /metrics/find} for any logged-in user, under {@code /graphite} and, through
 * {@link GraphiteRootPaths}, where graphite-web served them at the root: Calamari mounted both.
 */
@Path(ApiPaths.GRAPHITE)
public class GraphiteResource implements GraphiteApi {

    @Inject
    @RestClient
    GraphiteServiceClient graphite;

    @Override
    public byte[] render(List<String> targets, String from, String until, String format, String maxDataPoints) {
        return graphite.render(targets, from, until, format, maxDataPoints);
    }

    @Override
    public byte[] find(String query) {
        return graphite.find(query);
    }
}
