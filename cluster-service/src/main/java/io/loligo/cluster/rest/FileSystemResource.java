package io.loligo.cluster.rest;

import io.loligo.cluster.fs.FileSystemClients;
import io.loligo.cluster.fs.SubvolumeListing;
import io.loligo.cluster.fs.SubvolumeListings;
import io.loligo.cluster.fs.Subvolumes;
import io.loligo.cluster.fs.Volumes;
import io.loligo.cluster.listing.MemoryListing;
import io.loligo.contracts.api.FileSystemClientView;
import io.loligo.contracts.api.FileSystemForm;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.SubvolumeViews;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.NotFound;
import jakarta.ws.rs.core.Response;

import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.contracts.api.FileSystemApi;
import io.loligo.contracts.api.FileSystemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.List;

@Path("/internal/v2")
public class FileSystemResource implements FileSystemApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    SubvolumeListings subvolumeListings;
    @Inject
    Mutations mutations;
    @Inject
    FileSystemClients clients;

    @Override
    public List<FileSystemView> fileSystems(String fsid) {
        inventory.requireCluster(fsid);
        return state.fileSystems(fsid);
    }

    @Override
    public FileSystemView fileSystem(String fsid, String name) {
        List<FileSystemView> fileSystems = fileSystems(fsid);
        return fileSystems.stream().filter(fs -> fs.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("FileSystem", "no file system '" + name + "'; there are " + fileSystems.stream().map(FileSystemView::name).toList()));
    }

    @Override
    public Response createFileSystem(String fsid, FileSystemForm fileSystem) {
        return mutations.run(fsid, Volumes.create(fsid, fileSystems(fsid), state.pools(fsid), fileSystem == null ? null : fileSystem.name()));
    }

    @Override
    public Response deleteFileSystem(String fsid, String name) {
        return mutations.run(fsid, Volumes.remove(fsid, state.configShow(fsid), fileSystem(fsid, name)));
    }

    @Override
    public List<FileSystemClientView> fileSystemClients(String fsid, String name) {
        return clients.clients(fsid, fileSystem(fsid, name));
    }

    @Override
    public void evictFileSystemClient(String fsid, String name, String id) {
        clients.evict(fsid, fileSystem(fsid, name), id);
    }

    @Override
    public List<SubvolumeViews.Group> subvolumeGroups(String fsid, String name) {
        return volume(fsid, name).groups();
    }

    @Override
    public Response createSubvolumeGroup(String fsid, String name, SubvolumeViews.Form group) {
        return mutations.run(fsid, Subvolumes.createGroup(volumeNow(fsid, name), group));
    }

    @Override
    public Response deleteSubvolumeGroup(String fsid, String name, String group) {
        return mutations.run(fsid, Subvolumes.deleteGroup(volume(fsid, name), group));
    }

    @Override
    public Page<SubvolumeViews.Subvolume> subvolumes(String fsid, String name, String group, String search, String ordering, String page,
                                                     String pageSize) {
        MemoryListing<SubvolumeViews.Subvolume> listing = new MemoryListing<>(SubvolumeListing.FIELDS, search, ordering, page, pageSize)
                .filtered("group", group, subvolume -> group.equals(subvolume.group()));
        return listing(fsid, name).subvolumes().page(listing);
    }

    @Override
    public SubvolumeViews.Subvolume subvolume(String fsid, String name, String subvolume, String group) {
        return volume(fsid, name).subvolume(subvolume, group);
    }

    @Override
    public Response createSubvolume(String fsid, String name, SubvolumeViews.Form subvolume) {
        return mutations.run(fsid, Subvolumes.create(volumeNow(fsid, name), subvolume));
    }

    @Override
    public Response updateSubvolume(String fsid, String name, String subvolume, String group, SubvolumeViews.Form changes) {
        Subvolumes.Volume volume = volume(fsid, name);
        return mutations.run(fsid, Subvolumes.resize(volume, volume.subvolume(subvolume, group), changes));
    }

    @Override
    public Response deleteSubvolume(String fsid, String name, String subvolume, String group) {
        Subvolumes.Volume volume = volume(fsid, name);
        return mutations.run(fsid, Subvolumes.delete(volume, volume.subvolume(subvolume, group)));
    }

    @Override
    public Response createSubvolumeSnapshot(String fsid, String name, String subvolume, String group, SubvolumeViews.Form snapshot) {
        Subvolumes.Volume volume = volume(fsid, name);
        return mutations.run(fsid, Subvolumes.createSnapshot(volume, volume.subvolume(subvolume, group), snapshot));
    }

    @Override
    public Response deleteSubvolumeSnapshot(String fsid, String name, String subvolume, String snapshot, String group) {
        Subvolumes.Volume volume = volume(fsid, name);
        return mutations.run(fsid, Subvolumes.deleteSnapshot(volume, volume.subvolume(subvolume, group), snapshot));
    }

    @Override
    public Response cloneSubvolumeSnapshot(String fsid, String name, String subvolume, String snapshot, String group, SubvolumeViews.Form clone) {
        Subvolumes.Volume volume = volumeNow(fsid, name);
        return mutations.run(fsid, Subvolumes.clone(volume, volume.subvolume(subvolume, group), snapshot, clone));
    }

    private Subvolumes.Volume volume(String fsid, String name) {
        return listing(fsid, name).volume();
    }

    /** The volume read now, for the forms whose names must not be taken. */
    private Subvolumes.Volume volumeNow(String fsid, String name) {
        return subvolumeListings.readNow(fsid, onlineFileSystem(fsid, name)).volume();
    }

    /** The file system with its groups and subvolumes, as an agent last read them from the volumes module. */
    private SubvolumeListings.Listing listing(String fsid, String name) {
        return subvolumeListings.read(fsid, onlineFileSystem(fsid, name));
    }

    private FileSystemView onlineFileSystem(String fsid, String name) {
        FileSystemView fileSystem = fileSystem(fsid, name);
        if (fileSystem.ranks().stream().noneMatch(rank -> "active".equals(rank.state()))) {
            // the volumes module would wait for an MDS to mount it, and meanwhile answer no one else
            throw new Conflict("FileSystemOffline", "file system '" + name + "' has no active MDS: its subvolumes can be read"
                    + " and changed once an MDS serves it");
        }
        return fileSystem;
    }
}
