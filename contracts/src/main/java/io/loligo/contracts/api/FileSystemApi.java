package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * CephFS file systems, from the FS map the cluster-service holds, and their subvolume groups and subvolumes, changed
 * through requests to the mgr's volumes module.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface FileSystemApi {

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/fs")
    List<FileSystemView> fileSystems(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/fs/{name}")
    FileSystemView fileSystem(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /**
     * Creates a file system with its pools through the mgr's {@code fs volume create}: {@code 202} with the request.
     * An orchestrator starts its MDS daemons; without one, a standby MDS must take it up, or it stays offline.
     */
    @POST
    @Path("/cluster/{fsid}/fs")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createFileSystem(@PathParam("fsid") String fsid, FileSystemForm fileSystem);

    /**
     * Removes a file system, its pools and all its data ({@code fs volume rm}); its clients are cut off. {@code 409}
     * while the cluster forbids deleting pools.
     */
    @DELETE
    @Path("/cluster/{fsid}/fs/{name}")
    Response deleteFileSystem(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /** The clients of each active rank, read live from each MDS's admin socket by the agent of its host. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/fs/{name}/client")
    List<FileSystemClientView> fileSystemClients(@PathParam("fsid") String fsid, @PathParam("name") String name);

    /**
     * Evicts a client: its MDS closes its session and the OSDs refuse it from then on (Ceph blocklists its address),
     * so that a client that hangs or holds capabilities others wait for lets go of them.
     */
    @DELETE
    @Path("/cluster/{fsid}/fs/{name}/client/{id}")
    void evictFileSystemClient(@PathParam("fsid") String fsid, @PathParam("name") String name, @PathParam("id") String id);

    /** As an agent last read them, with the subvolumes. */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/fs/{name}/subvolume_group")
    List<SubvolumeViews.Group> subvolumeGroups(@PathParam("fsid") String fsid, @PathParam("name") String name);

    @POST
    @Path("/cluster/{fsid}/fs/{name}/subvolume_group")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSubvolumeGroup(@PathParam("fsid") String fsid, @PathParam("name") String name, SubvolumeViews.Form group);

    /** Removes an empty group: {@code 409} while it holds subvolumes. */
    @DELETE
    @Path("/cluster/{fsid}/fs/{name}/subvolume_group/{group}")
    Response deleteSubvolumeGroup(@PathParam("fsid") String fsid, @PathParam("name") String name, @PathParam("group") String group);

    /**
     * One page of the volume's subvolumes, or of one group's, as an agent last described them through the mgr's
     * volumes module (kept, and read anew after each change of Loligo's: a volume of thousands takes seconds to describe).
     *
     * @param group only the subvolumes of this group
     * @param search a substring of the name
     * @param ordering a field, {@code -} first for descending: name (the default), group, bytes_quota, bytes_used, created_at
     */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/fs/{name}/subvolume")
    Page<SubvolumeViews.Subvolume> subvolumes(@PathParam("fsid") String fsid, @PathParam("name") String name,
                                              @QueryParam("group") String group, @QueryParam("search") String search,
                                              @QueryParam("ordering") String ordering, @QueryParam("page") String page,
                                              @QueryParam("page_size") String pageSize);

    /** @param group the subvolume's group; none when left out */
    @KeptBriefly
    @GET
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}")
    SubvolumeViews.Subvolume subvolume(@PathParam("fsid") String fsid, @PathParam("name") String name,
                                       @PathParam("subvolume") String subvolume, @QueryParam("group") String group);

    /** Creates a subvolume, with a quota when {@code size} is given: {@code 202} with the request. */
    @POST
    @Path("/cluster/{fsid}/fs/{name}/subvolume")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSubvolume(@PathParam("fsid") String fsid, @PathParam("name") String name, SubvolumeViews.Form subvolume);

    /** Sets a subvolume's quota to {@code size} ({@code 0} lifts it). */
    @PATCH
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateSubvolume(@PathParam("fsid") String fsid, @PathParam("name") String name, @PathParam("subvolume") String subvolume,
                             @QueryParam("group") String group, SubvolumeViews.Form changes);

    /** Removes a subvolume with its data and its snapshots. */
    @DELETE
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}")
    Response deleteSubvolume(@PathParam("fsid") String fsid, @PathParam("name") String name, @PathParam("subvolume") String subvolume,
                             @QueryParam("group") String group);

    @POST
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSubvolumeSnapshot(@PathParam("fsid") String fsid, @PathParam("name") String name,
                                     @PathParam("subvolume") String subvolume, @QueryParam("group") String group,
                                     SubvolumeViews.Form snapshot);

    @DELETE
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot/{snapshot}")
    Response deleteSubvolumeSnapshot(@PathParam("fsid") String fsid, @PathParam("name") String name,
                                     @PathParam("subvolume") String subvolume, @PathParam("snapshot") String snapshot,
                                     @QueryParam("group") String group);

    /**
     * Clones a snapshot as a new subvolume ({@code name}, optionally in {@code group} and on {@code data_pool}): a
     * request that ends when the volumes module has copied every file, showing the clone's state meanwhile.
     *
     * @param group the source subvolume's group; none when left out
     */
    @POST
    @Path("/cluster/{fsid}/fs/{name}/subvolume/{subvolume}/snapshot/{snapshot}/clone")
    @Consumes(MediaType.APPLICATION_JSON)
    Response cloneSubvolumeSnapshot(@PathParam("fsid") String fsid, @PathParam("name") String name,
                                    @PathParam("subvolume") String subvolume, @PathParam("snapshot") String snapshot,
                                    @QueryParam("group") String group, SubvolumeViews.Form clone);
}
