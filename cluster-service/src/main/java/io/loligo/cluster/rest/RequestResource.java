package io.loligo.cluster.rest;

import io.loligo.cluster.request.RequestQueries;
import io.loligo.cluster.request.Requests;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.RequestApi;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.Instant;

@Path("/internal/v2")
public class RequestResource implements RequestApi {
    @Inject
    RequestQueries queries;
    @Inject
    Requests requests;
    @Inject
    InventoryQueries inventory;

    @Override
    public Page<RequestView> requests(String state, String page, String pageSize) {
        return queries.page(null, state, page, pageSize);
    }

    @Override
    public RequestView request(String id) {
        return queries.get(id);
    }

    @Override
    public RequestView cancel(String id) {
        return requests.cancel(RequestQueries.requestId(id), Instant.now());
    }

    @Override
    public Page<RequestView> clusterRequests(String fsid, String state, String page, String pageSize) {
        inventory.requireCluster(fsid);
        return queries.page(fsid, state, page, pageSize);
    }

    @Override
    public RequestView clusterRequest(String fsid, String id) {
        RequestView request = queries.get(id);
        if (!request.fsid().equals(fsid)) {
            throw new NotFound("Request", "no request " + id + " in cluster " + fsid);
        }
        return request;
    }
}
