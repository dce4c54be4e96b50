package io.loligo.gateway.inventory;

import io.loligo.contracts.api.CliApi;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The CLI endpoint, for administrators only: even a read can reveal more than the API shows. */
@Path(ApiPaths.V3)
public class CliResource implements CliApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    @RolesAllowed(Roles.ADMINISTRATOR)
    public CliView runCli(String fsid, CliForm form) {
        return clusterService.runCli(fsid, form);
    }
}
