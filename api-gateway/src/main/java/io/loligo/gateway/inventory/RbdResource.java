package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RbdForms;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** RBD images for any logged-in user, changed by operators, through cluster-service. */
@Path(ApiPaths.V3)
public class RbdResource implements RbdApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

    @Override
    public Page<RbdImageView> rbdImages(String fsid, String pool, String search, String ordering, String page, String pageSize) {
        return clusterService.rbdImages(fsid, pool, search, ordering, page, pageSize);
    }

    @Override
    public RbdImageView rbdImage(String fsid, String pool, String name) {
        return clusterService.rbdImage(fsid, pool, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createRbdImage(String fsid, String pool, RbdForms.Image image) {
        return mutations.passOn(() -> clusterService.createRbdImage(fsid, pool, image));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateRbdImage(String fsid, String pool, String name, RbdForms.Image changes) {
        return mutations.passOn(() -> clusterService.updateRbdImage(fsid, pool, name, changes));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteRbdImage(String fsid, String pool, String name) {
        return mutations.passOn(() -> clusterService.deleteRbdImage(fsid, pool, name));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response flattenRbdImage(String fsid, String pool, String name) {
        return mutations.passOn(() -> clusterService.flattenRbdImage(fsid, pool, name));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response copyRbdImage(String fsid, String pool, String name, RbdForms.Target target) {
        return mutations.passOn(() -> clusterService.copyRbdImage(fsid, pool, name, target));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response trashRbdImage(String fsid, String pool, String name) {
        return mutations.passOn(() -> clusterService.trashRbdImage(fsid, pool, name));
    }

    @Override
    public List<RbdTrashView> rbdTrash(String fsid, String pool) {
        return clusterService.rbdTrash(fsid, pool);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response restoreRbdImage(String fsid, String pool, String id, RbdForms.Restore restore) {
        return mutations.passOn(() -> clusterService.restoreRbdImage(fsid, pool, id, restore));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response purgeRbdImage(String fsid, String pool, String id) {
        return mutations.passOn(() -> clusterService.purgeRbdImage(fsid, pool, id));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createRbdSnapshot(String fsid, String pool, String name, RbdForms.Snapshot snapshot) {
        return mutations.passOn(() -> clusterService.createRbdSnapshot(fsid, pool, name, snapshot));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Snapshot changes) {
        return mutations.passOn(() -> clusterService.updateRbdSnapshot(fsid, pool, name, snapshot, changes));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteRbdSnapshot(String fsid, String pool, String name, String snapshot) {
        return mutations.passOn(() -> clusterService.deleteRbdSnapshot(fsid, pool, name, snapshot));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response rollbackRbdImage(String fsid, String pool, String name, String snapshot) {
        return mutations.passOn(() -> clusterService.rollbackRbdImage(fsid, pool, name, snapshot));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response cloneRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Target target) {
        return mutations.passOn(() -> clusterService.cloneRbdSnapshot(fsid, pool, name, snapshot, target));
    }
}
