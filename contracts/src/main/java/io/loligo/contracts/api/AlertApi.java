package io.loligo.contracts.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Alerts from Loligo's rules, the silences that keep them from their receivers, and the receivers they go to. Who
 * acts (acknowledging, silencing, adding a receiver) is the caller the gateway names, not a parameter.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface AlertApi {

    /**
     * Alerts, newest first, in pages.
     *
     * @param state {@code active} (pending and firing; the default), {@code firing}, {@code pending},
     *              {@code resolved} or {@code all}
     * @param fsid only this cluster's, when given
     */
    @KeptUntilChanged
    @GET
    @Path("/alert")
    Page<AlertViews.Alert> alerts(@QueryParam("state") String state, @QueryParam("fsid") String fsid, @QueryParam("page") String page,
                                  @QueryParam("page_size") String pageSize);

    @KeptUntilChanged
    @GET
    @Path("/alert/{id}")
    AlertViews.Alert alert(@PathParam("id") String id);

    /** Says that someone looks after the alert; its notifications go on as before. */
    @POST
    @Path("/alert/{id}/acknowledge")
    AlertViews.Alert acknowledgeAlert(@PathParam("id") String id);

    /** Every silence, the expired ones for a day after they end. */
    @KeptUntilChanged
    @GET
    @Path("/alert/silence")
    List<AlertViews.Silence> silences();

    /** {@code 201} with the silence; alerts it matches are notified to no receiver while it is active. */
    @POST
    @Path("/alert/silence")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSilence(AlertForms.Silence silence);

    /** Ends the silence now; it stays listed as expired. */
    @DELETE
    @Path("/alert/silence/{id}")
    AlertViews.Silence expireSilence(@PathParam("id") String id);

    @KeptUntilChanged
    @GET
    @Path("/alert/receiver")
    List<AlertViews.Receiver> receivers();

    /** {@code 201} with the receiver: alerts that fire from now on are notified to it. */
    @POST
    @Path("/alert/receiver")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createReceiver(AlertForms.Receiver receiver);

    @DELETE
    @Path("/alert/receiver/{id}")
    Response deleteReceiver(@PathParam("id") String id);

    /** Sends the receiver a test alert, firing then resolved at once, and says how it answered. */
    @POST
    @Path("/alert/receiver/{id}/test")
    AlertViews.ReceiverTest testReceiver(@PathParam("id") String id);

    /** Operators' threshold rules on metric series, by name; Loligo's own rules are built in and always evaluated. */
    @KeptUntilChanged
    @GET
    @Path("/alert/rule")
    List<AlertViews.MetricRule> rules();

    /** {@code 201} with the rule: evaluated from the next evaluation on, with every built-in one. */
    @POST
    @Path("/alert/rule")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createRule(AlertForms.MetricRule rule);

    /** Removes the rule; its open alerts resolve at the next evaluation. */
    @DELETE
    @Path("/alert/rule/{id}")
    Response deleteRule(@PathParam("id") String id);
}
