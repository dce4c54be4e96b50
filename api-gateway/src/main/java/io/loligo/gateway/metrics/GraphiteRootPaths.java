package io.loligo.gateway.metrics;

import io.loligo.gateway.rest.ApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/**
 * graphite-web served {@code /render} and {@code /metrics/find} at the root; Loligo serves them under
 * {@code /graphite}, as a resource at the root path would answer every path the web UI serves.
 */
public class GraphiteRootPaths {
    private static final Pattern AT_ROOT = Pattern.compile("/(render|metrics/find)/?");

    @ServerRequestFilter(preMatching = true)
    public void toGraphite(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (AT_ROOT.matcher(uri.getPath()).matches()) {
            request.setRequestUri(uri.getRequestUriBuilder().replacePath(ApiPaths.GRAPHITE + uri.getPath()).build());
        }
    }
}
