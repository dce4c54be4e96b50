package io.loligo.cluster.rest;

import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.contracts.api.ApiException;
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

    @Override
    public List<FileSystemView> fileSystems(String fsid) {
        inventory.requireCluster(fsid);
        return state.fileSystems(fsid);
    }

    @Override
    public FileSystemView fileSystem(String fsid, String name) {
        List<FileSystemView> fileSystems = fileSystems(fsid);
        return fileSystems.stream().filter(fs -> fs.name().equals(name)).findFirst().orElseThrow(() -> new ApiException(404,
                "UnknownFileSystem", "no file system '" + name + "'; there are " + fileSystems.stream().map(FileSystemView::name).toList()));
    }
}
