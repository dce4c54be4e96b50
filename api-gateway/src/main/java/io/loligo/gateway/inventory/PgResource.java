package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PgApi;
import io.loligo.contracts.api.PgView;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/** A pool's PGs and their commands, from cluster-service. */
@Path(ApiPaths.V3)
public class PgResource implements PgApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

    @Override
    public Page<PgView> pgs(String fsid, String pool, String page, String pageSize) {
        return clusterService.pgs(fsid, pool, page, pageSize);
    }

    @Override
    public Map<String, Map<String, List<String>>> pgValidCommands(String fsid, String pool, String pgid) {
        return clusterService.pgValidCommands(fsid, pool, pgid);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response runPgCommand(String fsid, String pool, String pgid, String command) {
        return mutations.passOn(() -> clusterService.runPgCommand(fsid, pool, pgid, command));
    }
}
