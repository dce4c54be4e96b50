package io.loligo.cluster.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.cluster.leader.Leadership;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.kept.Keeper;
import io.loligo.contracts.kept.KeptAnswers;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.UncheckedIOException;

/**
 * Each view of a {@link KeptUntilChanged} read is built once per state of its cluster: its answer is kept as the
 * bytes written until this instance publishes a live update of that cluster, which it does once the new state is
 * what every read sees ({@link io.loligo.cluster.live.LiveUpdates}). The gateway keeps the same answers on the same
 * signal; what this adds is that its first read after each change, from every gateway replica, and every read
 * while a gateway cannot trust its stream, costs no view built again. Declared once, on the contract: an endpoint
 * gets it by being declared so.
 */
@Provider
@KeptUntilChanged
public class KeptViews implements ContainerRequestFilter, ContainerResponseFilter {
    @Inject
    Memory memory;
    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request) {
        // a worker thread: waiting for the same view on its way costs a thread, not a second build
        Response kept = memory.answers.answerOrTicket(request, KeptAnswers.UNCHANGED_DUE).toCompletableFuture().join();
        if (kept != null) {
            request.abortWith(kept);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(Keeper.TICKET) instanceof KeptAnswers.Ticket ticket)) {
            return;
        }
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        if (response.getStatus() != Response.Status.OK.getStatusCode() || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            memory.answers.abandon(ticket);
            return;
        }
        byte[] body;
        try {
            body = response.getEntity() instanceof byte[] bytes ? bytes : json.writeValueAsBytes(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        response.setEntity(body, response.getEntityAnnotations(), type);
        memory.answers.keep(ticket, new KeptAnswers.Representation(body, type.toString(), null));
    }

    /**
     * The views kept, forgotten as the live stream announces each change, and all of them with a new leader. A
     * singleton, without a client proxy, so that its field is read from the one instance.
     */
    @Singleton
    static class Memory {
        final KeptAnswers answers = new KeptAnswers();

        void onUpdate(@Observes LiveUpdate update) {
            if (!LiveUpdate.PING.equals(update.type())) {
                answers.changed(update.fsid());
            }
        }

        /** A new leader reads the maps from the archive again: nothing built from this instance's copies stands. */
        void onLeading(@Observes Leadership.BecameLeader leading) {
            answers.forgetAll();
        }
    }
}
