package io.loligo.gateway.inventory;

import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RbdForms;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.gateway.rest.ApiPaths;
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
    public Response createRbdImage(String fsid, String pool, RbdForms.Image image, String ignoredUser) {
        return mutations.asUser(user -> clusterService.createRbdImage(fsid, pool, image, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateRbdImage(String fsid, String pool, String name, RbdForms.Image changes, String ignoredUser) {
        return mutations.asUser(user -> clusterService.updateRbdImage(fsid, pool, name, changes, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteRbdImage(String fsid, String pool, String name, String ignoredUser) {
        return mutations.asUser(user -> clusterService.deleteRbdImage(fsid, pool, name, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response flattenRbdImage(String fsid, String pool, String name, String ignoredUser) {
        return mutations.asUser(user -> clusterService.flattenRbdImage(fsid, pool, name, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response copyRbdImage(String fsid, String pool, String name, RbdForms.Target target, String ignoredUser) {
        return mutations.asUser(user -> clusterService.copyRbdImage(fsid, pool, name, target, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response trashRbdImage(String fsid, String pool, String name, String ignoredUser) {
        return mutations.asUser(user -> clusterService.trashRbdImage(fsid, pool, name, user));
    }

    @Override
    public List<RbdTrashView> rbdTrash(String fsid, String pool) {
        return clusterService.rbdTrash(fsid, pool);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response restoreRbdImage(String fsid, String pool, String id, RbdForms.Restore restore, String ignoredUser) {
        return mutations.asUser(user -> clusterService.restoreRbdImage(fsid, pool, id, restore, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response purgeRbdImage(String fsid, String pool, String id, String ignoredUser) {
        return mutations.asUser(user -> clusterService.purgeRbdImage(fsid, pool, id, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createRbdSnapshot(String fsid, String pool, String name, RbdForms.Snapshot snapshot, String ignoredUser) {
        return mutations.asUser(user -> clusterService.createRbdSnapshot(fsid, pool, name, snapshot, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Snapshot changes, String ignoredUser) {
        return mutations.asUser(user -> clusterService.updateRbdSnapshot(fsid, pool, name, snapshot, changes, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteRbdSnapshot(String fsid, String pool, String name, String snapshot, String ignoredUser) {
        return mutations.asUser(user -> clusterService.deleteRbdSnapshot(fsid, pool, name, snapshot, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response rollbackRbdImage(String fsid, String pool, String name, String snapshot, String ignoredUser) {
        return mutations.asUser(user -> clusterService.rollbackRbdImage(fsid, pool, name, snapshot, user));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response cloneRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Target target, String ignoredUser) {
        return mutations.asUser(user -> clusterService.cloneRbdSnapshot(fsid, pool, name, snapshot, target, user));
    }
}
