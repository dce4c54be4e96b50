package io.loligo.gateway.inventory;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.regex.Pattern;

/** Calamari's clients ask for a new pool's defaults with {@code GET pool?defaults}; Loligo serves them at {@code pool/defaults}. */
public class PoolDefaultsPath {
    private static final Pattern POOL_LIST = Pattern.compile("/api/v2/cluster/[^/]+/pool/?");

    @ServerRequestFilter(preMatching = true)
    public void toDefaults(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (request.getMethod().equals("GET") && uri.getQueryParameters().containsKey("defaults")
                && POOL_LIST.matcher(uri.getPath()).matches()) {
            String path = uri.getPath().endsWith("/") ? uri.getPath() + "defaults" : uri.getPath() + "/defaults";
            request.setRequestUri(uri.getRequestUriBuilder().replacePath(path).replaceQuery(null).build());
        }
    }
}
