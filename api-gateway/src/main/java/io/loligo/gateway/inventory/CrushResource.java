package io.loligo.gateway.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.CrushApi;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.rest.Mutations;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** The CRUSH map for any logged-in user, from cluster-service. */
@Path(ApiPaths.V3)
public class CrushResource implements CrushApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;
    @Inject
    Mutations mutations;

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

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response replaceCrushMap(String fsid, JsonNode crushMap) {
        return mutations.passOn(() -> clusterService.replaceCrushMap(fsid, crushMap));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createCrushRule(String fsid, CrushForms.Rule rule) {
        return mutations.passOn(() -> clusterService.createCrushRule(fsid, rule));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateCrushRule(String fsid, String id, CrushForms.Rule rule) {
        return mutations.passOn(() -> clusterService.updateCrushRule(fsid, id, rule));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteCrushRule(String fsid, String id) {
        return mutations.passOn(() -> clusterService.deleteCrushRule(fsid, id));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createCrushNode(String fsid, CrushForms.Node node) {
        return mutations.passOn(() -> clusterService.createCrushNode(fsid, node));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response updateCrushNode(String fsid, String id, CrushForms.Node node) {
        return mutations.passOn(() -> clusterService.updateCrushNode(fsid, id, node));
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteCrushNode(String fsid, String id) {
        return mutations.passOn(() -> clusterService.deleteCrushNode(fsid, id));
    }

    /** Changes nothing, but goes with the change it previews: for those who may make it. */
    @RolesAllowed(Roles.OPERATOR)
    @Override
    public MovementPreviewView previewCrushMap(String fsid, JsonNode crushMap) {
        return clusterService.previewCrushMap(fsid, crushMap);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public MovementPreviewView previewCrushRule(String fsid, String id, CrushForms.Rule rule) {
        return clusterService.previewCrushRule(fsid, id, rule);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public MovementPreviewView previewCrushNode(String fsid, String id, CrushForms.Node node) {
        return clusterService.previewCrushNode(fsid, id, node);
    }
}
