package io.loligo.gateway.agent;

import io.loligo.contracts.api.KeyApi;
import io.loligo.gateway.auth.Callers;
import io.loligo.gateway.inventory.ClusterServiceClient;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Agent enrolment, for administrators: who may report on the clusters and take commands is theirs to decide. */
@Path(ApiPaths.V3)
@RolesAllowed(Roles.ADMINISTRATOR)
public class KeyResource implements KeyApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Callers callers;

    @Override
    public List<KeyView> keys() {
        return clusterService.keys();
    }

    @Override
    public List<KeyView> decideKeys(List<KeyPatch> patches, String ignoredUser) {
        return clusterService.decideKeys(patches, user());
    }

    @Override
    public KeyView key(String id) {
        return clusterService.key(id);
    }

    @Override
    public KeyView decideKey(String id, KeyPatch patch, String ignoredUser) {
        return clusterService.decideKey(id, patch, user());
    }

    @Override
    public Response deleteKey(String id, String ignoredUser) {
        return Response.status(clusterService.deleteKey(id, user()).getStatus()).build();
    }

    private String user() {
        return callers.current().username();
    }
}
