package io.loligo.gateway.inventory;

import io.loligo.contracts.api.FileSystemClientView;
import io.loligo.contracts.api.FileSystemForm;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.SubvolumeViews;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import io.loligo.contracts.api.FileSystemApi;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** CephFS file systems, their clients and subvolumes for any logged-in user, changed by operators, through cluster-service. */
@Path(ApiPaths.V3)
public class FileSystemResource implements FileSystemApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

    @Override
    public List<FileSystemView> fileSystems(String fsid) {
        return clusterService.fileSystems(fsid);
    }

    @Override
    public FileSystemView fileSystem(String fsid, String name) {
        return clusterService.fileSystem(fsid, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createFileSystem(String fsid, FileSystemForm fileSystem) {
        return mutations.passOn(() -> clusterService.createFileSystem(fsid, fileSystem));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteFileSystem(String fsid, String name) {
        return mutations.passOn(() -> clusterService.deleteFileSystem(fsid, name));
    }

    @Override
    public List<FileSystemClientView> fileSystemClients(String fsid, String name) {
        return clusterService.fileSystemClients(fsid, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public void evictFileSystemClient(String fsid, String name, String id) {
        clusterService.evictFileSystemClient(fsid, name, id);
    }

    @Override
    public List<SubvolumeViews.Group> subvolumeGroups(String fsid, String name) {
        return clusterService.subvolumeGroups(fsid, name);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createSubvolumeGroup(String fsid, String name, SubvolumeViews.Form group) {
        return mutations.passOn(() -> clusterService.createSubvolumeGroup(fsid, name, group));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteSubvolumeGroup(String fsid, String name, String group) {
        return mutations.passOn(() -> clusterService.deleteSubvolumeGroup(fsid, name, group));
    }

    @Override
    public Page<SubvolumeViews.Subvolume> subvolumes(String fsid, String name, String group, String search, String ordering, String page,
                                                     String pageSize) {
        return clusterService.subvolumes(fsid, name, group, search, ordering, page, pageSize);
    }

    @Override
    public SubvolumeViews.Subvolume subvolume(String fsid, String name, String subvolume, String group) {
        return clusterService.subvolume(fsid, name, subvolume, group);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createSubvolume(String fsid, String name, SubvolumeViews.Form subvolume) {
        return mutations.passOn(() -> clusterService.createSubvolume(fsid, name, subvolume));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateSubvolume(String fsid, String name, String subvolume, String group, SubvolumeViews.Form changes) {
        return mutations.passOn(() -> clusterService.updateSubvolume(fsid, name, subvolume, group, changes));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteSubvolume(String fsid, String name, String subvolume, String group) {
        return mutations.passOn(() -> clusterService.deleteSubvolume(fsid, name, subvolume, group));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createSubvolumeSnapshot(String fsid, String name, String subvolume, String group, SubvolumeViews.Form snapshot) {
        return mutations.passOn(() -> clusterService.createSubvolumeSnapshot(fsid, name, subvolume, group, snapshot));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteSubvolumeSnapshot(String fsid, String name, String subvolume, String snapshot, String group) {
        return mutations.passOn(() -> clusterService.deleteSubvolumeSnapshot(fsid, name, subvolume, snapshot, group));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response cloneSubvolumeSnapshot(String fsid, String name, String subvolume, String snapshot, String group, SubvolumeViews.Form clone) {
        return mutations.passOn(() -> clusterService.cloneSubvolumeSnapshot(fsid, name, subvolume, snapshot, group, clone));
    }
}
