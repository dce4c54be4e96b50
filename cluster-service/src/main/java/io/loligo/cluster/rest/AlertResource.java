package io.loligo.cluster.rest;

import io.loligo.cluster.alert.AlertNotifier;
import io.loligo.cluster.alert.Alerts;
import io.loligo.cluster.alert.MetricRules;
import io.loligo.cluster.alert.Receivers;
import io.loligo.cluster.alert.Silences;
import io.loligo.contracts.api.AlertApi;
import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Alerts, silences, receivers and rules for api-gateway. */
@Path("/internal/v2")
public class AlertResource implements AlertApi {
    @Inject
    Alerts alerts;
    @Inject
    Silences silences;
    @Inject
    Receivers receivers;
    @Inject
    AlertNotifier notifier;
    @Inject
    MetricRules rules;
    @Inject
    ActingUser user;

    @Override
    public Page<AlertViews.Alert> alerts(String state, String fsid, String page, String pageSize) {
        return alerts.page(state, fsid, page, pageSize, Instant.now());
    }

    @Override
    public AlertViews.Alert alert(String id) {
        return alerts.one(id, Instant.now());
    }

    @Override
    public AlertViews.Alert acknowledgeAlert(String id) {
        return alerts.acknowledge(id, user.name(), Instant.now());
    }

    @Override
    public List<AlertViews.Silence> silences() {
        return silences.list(Instant.now());
    }

    @Override
    public Response createSilence(AlertForms.Silence silence) {
        return Response.status(Response.Status.CREATED).entity(silences.create(silence, user.name(), Instant.now())).build();
    }

    @Override
    public AlertViews.Silence expireSilence(String id) {
        return silences.expire(id, Instant.now());
    }

    @Override
    public List<AlertViews.Receiver> receivers() {
        return receivers.list();
    }

    @Override
    public Response createReceiver(AlertForms.Receiver receiver) {
        return Response.status(Response.Status.CREATED).entity(receivers.create(receiver, user.name(), Instant.now())).build();
    }

    @Override
    public Response deleteReceiver(String id) {
        receivers.delete(id);
        return Response.noContent().build();
    }

    @Override
    public AlertViews.ReceiverTest testReceiver(String id) {
        Optional<String> failure = notifier.test(receivers.target(id), Instant.now());
        return new AlertViews.ReceiverTest(failure.isEmpty(), failure.orElse("taken: a firing test alert, then its resolution"));
    }

    @Override
    public List<AlertViews.MetricRule> rules() {
        return rules.list();
    }

    @Override
    public Response createRule(AlertForms.MetricRule rule) {
        return Response.status(Response.Status.CREATED).entity(rules.create(rule, user.name(), Instant.now())).build();
    }

    @Override
    public Response deleteRule(String id) {
        rules.delete(id);
        return Response.noContent().build();
    }
}
