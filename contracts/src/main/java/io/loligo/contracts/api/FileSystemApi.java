package io.loligo.contracts.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** CephFS file systems, from the FS map the cluster-service holds. */
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
}
