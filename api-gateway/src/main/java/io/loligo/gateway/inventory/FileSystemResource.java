package io.loligo.gateway.inventory;

import io.loligo.contracts.api.FileSystemApi;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.gateway.rest.ApiPaths;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** CephFS file systems, from cluster-service. */
@Path(ApiPaths.V3)
public class FileSystemResource implements FileSystemApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public List<FileSystemView> fileSystems(String fsid) {
        return clusterService.fileSystems(fsid);
    }

    @Override
    public FileSystemView fileSystem(String fsid, String name) {
        return clusterService.fileSystem(fsid, name);
    }
}
