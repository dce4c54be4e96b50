package io.loligo.gateway.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.CrushApi;
import io.loligo.contracts.api.CrushViews;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** The CRUSH map for any logged-in user, from cluster-service. */
@Path("/api/v2")
public class CrushResource implements CrushApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public JsonNode crushMapText(String fsid) {
        return clusterService.crushMapText(fsid);
    }

    @Override
    public List<CrushViews.Rule> crushRules(String fsid) {
        return clusterService.crushRules(fsid);
    }

    @Override
    public CrushViews.Rule crushRule(String fsid, String id) {
        return clusterService.crushRule(fsid, id);
    }

    @Override
    public List<CrushViews.RuleSet> crushRuleSets(String fsid) {
        return clusterService.crushRuleSets(fsid);
    }

    @Override
    public List<CrushViews.Node> crushNodes(String fsid) {
        return clusterService.crushNodes(fsid);
    }

    @Override
    public CrushViews.Node crushNode(String fsid, String id) {
        return clusterService.crushNode(fsid, id);
    }

    @Override
    public List<CrushViews.Type> crushTypes(String fsid) {
        return clusterService.crushTypes(fsid);
    }

    @Override
    public CrushViews.Type crushType(String fsid, String id) {
        return clusterService.crushType(fsid, id);
    }
}
