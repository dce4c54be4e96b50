package io.loligo.cluster.rest;

import io.loligo.cluster.request.Planned;
import io.loligo.cluster.request.Requests;
import io.loligo.contracts.api.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/** Calamari's answer to every mutation: 202 with the request that makes the change, or 304 when nothing changes. */
@ApplicationScoped
public class Mutations {
    @Inject
    Requests requests;
    @Inject
    ActingUser user;

    public Response run(String fsid, Planned planned) {
        if (planned.changesNothing()) {
            return Response.notModified().build();
        }
        UUID id = requests.submit(fsid, user.name(), planned.headline(),
                planned.changes(), Instant.now());
        return Response.accepted(new RequestView.Accepted(id.toString())).build();
    }
}
