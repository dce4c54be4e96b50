package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RequestApi;
import io.loligo.contracts.api.RequestView;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Requests, from cluster-service. */
@Path(ApiPaths.V3)
public class RequestResource implements RequestApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public Page<RequestView> requests(String state, String page, String pageSize) {
        return clusterService.requests(state, page, pageSize);
    }

    @Override
    public RequestView request(String id) {
        return clusterService.request(id);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public RequestView cancel(String id) {
        return clusterService.cancel(id);
    }

    @Override
    public Page<RequestView> clusterRequests(String fsid, String state, String page, String pageSize) {
        return clusterService.clusterRequests(fsid, state, page, pageSize);
    }

    @Override
    public RequestView clusterRequest(String fsid, String id) {
        return clusterService.clusterRequest(fsid, id);
    }
}
