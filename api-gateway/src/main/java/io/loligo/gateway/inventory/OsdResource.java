package io.loligo.gateway.inventory;

import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
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

/** OSDs for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class OsdResource implements OsdApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

    @Override
    public byte[] osds(String fsid, String pool, List<String> ids, String up, String in, String host, String search,
                         String ordering, String page, String pageSize) {
        return clusterService.osds(fsid, pool, ids, up, in, host, search, ordering, page, pageSize);
    }

    @Override
    public OsdView osd(String fsid, String id) {
        return clusterService.osd(fsid, id);
    }

    @Override
    public List<String> osdCommands(String fsid) {
        return clusterService.osdCommands(fsid);
    }

    @Override
    public Map<String, Map<String, List<String>>> osdValidCommands(String fsid, String id) {
        return clusterService.osdValidCommands(fsid, id);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateOsd(String fsid, String id, OsdPatch patch) {
        return mutations.passOn(() -> clusterService.updateOsd(fsid, id, patch));
    }

    /** Changes nothing, but goes with the change it previews: for those who may make it. */
    @RolesAllowed(Roles.OPERATOR)
    @Override
    public MovementPreviewView previewOsdChange(String fsid, String id, OsdPatch patch) {
        return clusterService.previewOsdChange(fsid, id, patch);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response drainOsd(String fsid, String id) {
        return mutations.passOn(() -> clusterService.drainOsd(fsid, id));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response destroyOsd(String fsid, String id, OsdForms.Removal form) {
        return mutations.passOn(() -> clusterService.destroyOsd(fsid, id, form));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response purgeOsd(String fsid, String id, OsdForms.Removal form) {
        return mutations.passOn(() -> clusterService.purgeOsd(fsid, id, form));
    }

    @Override
    public Map<String, Boolean> osdCommandValid(String fsid, String id, String command) {
        return clusterService.osdCommandValid(fsid, id, command);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response runOsdCommand(String fsid, String id, String command) {
        return mutations.passOn(() -> clusterService.runOsdCommand(fsid, id, command));
    }

    @Override
    public Map<String, Boolean> osdConfig(String fsid) {
        return clusterService.osdConfig(fsid);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateOsdConfig(String fsid, Map<String, Boolean> flags) {
        return mutations.passOn(() -> clusterService.updateOsdConfig(fsid, flags));
    }
}
