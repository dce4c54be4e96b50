package io.loligo.gateway.inventory;

import io.loligo.contracts.api.AlertApi;
import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.Page;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** Alerts for any logged-in user; silences, acknowledgements, receivers and rules for operators. From cluster-service. */
@Path(ApiPaths.V3)
public class AlertResource implements AlertApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public Page<AlertViews.Alert> alerts(String state, String fsid, String page, String pageSize) {
        return clusterService.alerts(state, fsid, page, pageSize);
    }

    @Override
    public AlertViews.Alert alert(String id) {
        return clusterService.alert(id);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public AlertViews.Alert acknowledgeAlert(String id) {
        return clusterService.acknowledgeAlert(id);
    }

    @Override
    public List<AlertViews.Silence> silences() {
        return clusterService.silences();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createSilence(AlertForms.Silence silence) {
        return created(clusterService.createSilence(silence), AlertViews.Silence.class);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public AlertViews.Silence expireSilence(String id) {
        return clusterService.expireSilence(id);
    }

    @Override
    public List<AlertViews.Receiver> receivers() {
        return clusterService.receivers();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createReceiver(AlertForms.Receiver receiver) {
        return created(clusterService.createReceiver(receiver), AlertViews.Receiver.class);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteReceiver(String id) {
        return Response.status(clusterService.deleteReceiver(id).getStatus()).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public AlertViews.ReceiverTest testReceiver(String id) {
        return clusterService.testReceiver(id);
    }

    @Override
    public List<AlertViews.MetricRule> rules() {
        return clusterService.rules();
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response createRule(AlertForms.MetricRule rule) {
        return created(clusterService.createRule(rule), AlertViews.MetricRule.class);
    }

    @RolesAllowed(Roles.OPERATOR)
    @Override
    public Response deleteRule(String id) {
        return Response.status(clusterService.deleteRule(id).getStatus()).build();
    }

    private static <T> Response created(Response upstream, Class<T> type) {
        return Response.status(upstream.getStatus()).entity(upstream.readEntity(type)).build();
    }
}
