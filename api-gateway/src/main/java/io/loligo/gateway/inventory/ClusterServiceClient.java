package io.loligo.gateway.inventory;

import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ServerView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** cluster-service's internal inventory API. */
@RegisterRestClient(configKey = "cluster-service")
@RegisterProvider(UpstreamProblems.class)
@Path("/internal/v2")
public interface ClusterServiceClient {

    @GET
    @Path("/cluster")
    List<ClusterView> clusters();

    @GET
    @Path("/cluster/{fsid}")
    ClusterView cluster(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/server")
    List<ServerView> clusterServers(@PathParam("fsid") String fsid);

    @GET
    @Path("/server")
    List<ServerView> servers();

    @GET
    @Path("/server/{fqdn}")
    ServerView server(@PathParam("fqdn") String fqdn);
}
