package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** RBD images, from cluster-service. */
@Path(ApiPaths.V3)
public class RbdResource implements RbdApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public Page<RbdImageView> rbdImages(String fsid, String pool, String search, String ordering, String page, String pageSize) {
        return clusterService.rbdImages(fsid, pool, search, ordering, page, pageSize);
    }

    @Override
    public RbdImageView rbdImage(String fsid, String pool, String name) {
        return clusterService.rbdImage(fsid, pool, name);
    }
}
